package lt.smssafe.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * async-profiler (its agent library, unpacked by the {@code bench} profile) attached to the benchmark's Tomcat for a
 * scenario's measured rounds, both sides alike ({@code -Dbench.profile=true}, issue 23): CPU samples every 2 ms
 * ({@code itimer}) of every thread, written as collapsed stacks, and a summary of where each side's requests spend
 * them, per 1,000 answers, so that the two sides' costs compare in one run. A request is the WAR's when its stack
 * holds the application's code ({@code lt/smssafe/}) and the baseline's when it holds {@code lt/smssafe/bench/baseline}.
 * What both databases' threads share (H2's page serialization, the collector, the JIT) is given as it is.
 */
final class Profiler {
    /** The frames summed per side, each counted once per sample whose stack holds it (inclusive). */
    static final Map<String, String> FRAMES = frames();

    private final Path library;

    Profiler(Path library) {
        this.library = library;
    }

    private static Map<String, String> frames() {
        Map<String, String> frames = new LinkedHashMap<>();
        frames.put("H2: UPDATE", "org/h2/command/dml/Update.update");
        frames.put("H2: MERGE", "org/h2/command/dml/Merge");
        frames.put("H2: INSERT", "org/h2/command/dml/Insert.update");
        frames.put("H2: SELECT", "org/h2/command/query/Select.query");
        frames.put("H2: secondary index changed", "org/h2/mvstore/db/MVSecondaryIndex.");
        frames.put("H2: page read from the file", "org/h2/mvstore/MVStore.readPage");
        frames.put("H2: commit", "org/h2/engine/SessionLocal.commit");
        frames.put("any H2", "org/h2/");
        frames.put("Hibernate", "org/hibernate/");
        return frames;
    }

    void start(long pid) throws Exception {
        load(pid, "start,event=itimer,interval=2ms,threads");
    }

    void stop(long pid, Path collapsed) throws Exception {
        load(pid, "stop,file=" + collapsed.toAbsolutePath() + ",collapsed");
    }

    private void load(long pid, String command) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            vm.loadAgentPath(library.toAbsolutePath().toString(), command);
        } finally {
            vm.detach();
        }
    }

    /** The summary of {@code collapsed}: samples per 1,000 answers of each side, and the shared threads' samples. */
    static List<String> summary(Path collapsed, long warAnswers, long baselineAnswers) throws IOException {
        Map<String, long[]> perSide = new LinkedHashMap<>();
        perSide.put("all of the request", new long[2]);
        FRAMES.keySet().forEach(name -> perSide.put(name, new long[2]));
        Map<String, Long> shared = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(collapsed)) {
            lines.forEach(line -> {
                int space = line.lastIndexOf(' ');
                String stack = line.substring(0, space);
                long samples = Long.parseLong(line.substring(space + 1));
                int side = stack.contains("lt/smssafe/bench/baseline") ? 1 : stack.contains("lt/smssafe/") ? 0 : -1;
                if (side < 0) {
                    String thread = stack.substring(0, Math.max(0, stack.indexOf(';'))).replaceAll(" ?tid=\\d+", "");
                    // one line per kind of thread (exec-12, GC Thread#1, ...), a file's path kept as it is
                    thread = thread.contains("/") ? thread : thread.replaceAll("\\d+", "#");
                    shared.merge(thread, samples, Long::sum);
                    return;
                }
                perSide.get("all of the request")[side] += samples;
                FRAMES.forEach((name, frame) -> {
                    if (stack.contains(frame)) {
                        perSide.get(name)[side] += samples;
                    }
                });
            });
        }
        List<String> out = new ArrayList<>();
        out.add("| samples (2 ms of CPU) per 1,000 answers | WAR | baseline |");
        out.add("| --- | ---: | ---: |");
        perSide.forEach((name, samples) -> out.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f |", name,
                1000.0 * samples[0] / Math.max(1, warAnswers), 1000.0 * samples[1] / Math.max(1, baselineAnswers))));
        out.add("");
        out.add("| other threads (both sides) | samples |");
        out.add("| --- | ---: |");
        shared.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> out.add("| " + e.getKey() + " | " + e.getValue() + " |"));
        return out;
    }
}
