package lt.smssafe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * Debian's {@code wrk} with the benchmark's replay script ({@code replay.lua}): one round of load on one side, its
 * throughput and latency percentiles, and what the script counted (requests sent per thread, answers by status).
 */
final class Wrk {
    private static final Path WRK = Path.of("/usr/bin/wrk");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path script;
    private final int threads;

    private Wrk(Path script, int threads) {
        this.script = script;
        this.threads = threads;
    }

    /** Checks that wrk is installed and puts the replay script into {@code dir}. */
    static Wrk prepare(Path dir, int threads) throws IOException {
        if (!Files.isExecutable(WRK)) {
            throw new IllegalStateException("wrk is missing: the benchmark's load generator is Debian's wrk"
                    + " (apt-get install -y wrk)");
        }
        Path script = Files.createDirectories(dir).resolve("replay.lua");
        try (InputStream in = Wrk.class.getResourceAsStream("replay.lua")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Wrk(script, threads);
    }

    int threads() {
        return threads;
    }

    /**
     * Runs one round against {@code base} ({@code http://host:port}) over {@code connections} replaying
     * {@code <requests>-<t>.txt}; wrk's whole output goes to {@code log}.
     */
    Result run(String base, Path requests, Duration duration, int connections, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(WRK.toString(), "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--timeout", "10s", "--latency", "-s", script.toString(), base)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BENCH_REQUESTS", requests.toString());
        Process wrk = builder.start();
        if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk did not end; see " + log);
        }
        List<String> output = Files.readAllLines(log);
        String line = output.stream().filter(l -> l.startsWith("BENCH-RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result (exit " + wrk.exitValue()
                        + "); see " + log + ": " + String.join(" | ", output)));
        return Result.parse(JSON.readTree(line.substring("BENCH-RESULT ".length())));
    }

    /**
     * One round as wrk saw it.
     *
     * @param responses answers received (wrk's "requests")
     * @param sent request lines sent, per thread: each thread sent the first {@code sent[t]} lines of its file
     * @param socketErrors connect, read, write errors and timeouts
     */
    record Result(long responses, long durationMicros, long p50Micros, long p90Micros, long p99Micros,
            long maxMicros, Map<Integer, Long> statuses, long[] sent, long exhausted, long socketErrors,
            String errors) {

        static Result parse(JsonNode json) {
            Map<Integer, Long> statuses = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = json.get("statuses").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                statuses.put(Integer.valueOf(field.getKey()), field.getValue().asLong());
            }
            JsonNode sentNode = json.get("sent");
            long[] sent = new long[sentNode.size()];
            for (int i = 0; i < sent.length; i++) {
                sent[i] = sentNode.get(i).asLong();
            }
            JsonNode e = json.get("errors");
            long socketErrors = e.get("connect").asLong() + e.get("read").asLong() + e.get("write").asLong()
                    + e.get("timeout").asLong();
            return new Result(json.get("requests").asLong(), json.get("duration_us").asLong(),
                    json.get("p50_us").asLong(), json.get("p90_us").asLong(), json.get("p99_us").asLong(),
                    json.get("max_us").asLong(), statuses, sent, json.get("exhausted").asLong(), socketErrors,
                    e.toString());
        }

        double rate() {
            return responses * 1e6 / durationMicros;
        }

        long ok() {
            return statuses.getOrDefault(200, 0L);
        }

        long notOk() {
            return statuses.entrySet().stream().filter(s -> s.getKey() != 200).mapToLong(Map.Entry::getValue).sum();
        }

        long totalSent() {
            return LongStream.of(sent).sum();
        }

        /** Requests sent whose answer wrk did not wait for: in flight when the round ended (or lost). */
        long unanswered() {
            return totalSent() + exhausted - responses;
        }
    }
}
