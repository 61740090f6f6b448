package lt.smssafe.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages scenario's measurements of the admin pages (issue 23): each page loaded as the admin (BASIC, the test
 * Tomcat's {@code admin} user), timed from the request to the last byte of the answer, with the rows the WAR's
 * database user read meanwhile (MariaDB's {@code USER_STATISTICS}: the machine is otherwise quiet, but the WAR's own
 * background work, e.g. the action runner's poll, counts too); the CSV export's speed and Tomcat's heap around it;
 * and a loop of page loads to run beside the {@code /result} load.
 *
 * <p>Before each load one row of each table the pages read is changed ({@link #touch}), as payments arriving
 * change them in a shop: H2 answers a query again from the result it kept when none of its tables changed since
 * (measured: a full scan of a million sessions, 10.6 s, then 0 ms for the same query), which no shop taking payments
 * sees.
 */
final class PageTimings {
    static final String ADMIN = "admin:admin-secret";
    private static final Pattern NEXT = Pattern.compile("<a\\b[^>]*\\brel=\"next\"[^>]*>");
    private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]*)\"");
    private static final Path JDK_BIN = Path.of(System.getProperty("java.home"), "bin");

    /** A page as the admin opens it. */
    record Page(String label, String path) {
    }

    /** A page's timed loads: milliseconds each, rows read each (empty where the engine does not count them). */
    record Timing(Page page, long[] millis, long[] rowsRead, List<String> failures) {
        double median() {
            return Report.median(Arrays.stream(millis).asDoubleStream().toArray());
        }

        long worst() {
            return Arrays.stream(millis).max().orElse(0);
        }

        String rows() {
            return rowsRead.length == 0 ? "—" : String.format("%.0f",
                    Report.median(Arrays.stream(rowsRead).asDoubleStream().toArray()));
        }
    }

    /**
     * The CSV export: its rows, the time to its first and last byte, and Tomcat's heap (MB): the old generation after
     * a full collection before and after, the most in use while it streamed.
     */
    record CsvExport(String path, int status, long rows, long bytes, double firstByteMillis, double seconds,
            double oldBefore, double peakUsed, double oldAfter) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private final String server;
    private final String app;
    private final Engine engine;
    private final long tomcatPid;
    private final List<String> touch;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param server {@code http://host:port}
     * @param context the WAR's context path, e.g. {@code /smssafe}
     */
    PageTimings(String server, String context, Engine engine, long tomcatPid) {
        this.server = server;
        this.app = server + context;
        this.engine = engine;
        this.tomcatPid = tomcatPid;
        this.touch = List.of(
                "UPDATE smssafe_session SET version = version + 1 WHERE safe_id = " + Benchmark.SAFE
                        + " AND dialect = 'fortumo' AND msisdn = '370500000000' AND closed_at IS NULL",
                "UPDATE smssafe_message SET provider_time = provider_time + 1 WHERE safe_id = " + Benchmark.SAFE
                        + " AND dialect = 'paysera' AND message_id = 'blank-0'",
                "UPDATE smssafe_action_run SET attempts = attempts + 1 WHERE id = 1",
                "UPDATE smssafe_redemption SET redeemed_at = redeemed_at + 1 WHERE id = 1",
                "UPDATE smssafe_mbs_transaction SET version = version + 1 WHERE id = 1",
                "UPDATE smssafe_unmatched_report SET received_at = received_at + 1 WHERE id = 1",
                "UPDATE smssafe_phone SET writes = writes + 1 WHERE safe_id = " + Benchmark.SAFE
                        + " AND dialect = 'paysera' AND msisdn = '370500000000'");
    }

    /** Changes one row of each table the pages read (see the class's comment); not timed. */
    private void touch() throws Exception {
        engine.execute(Side.WAR, touch);
    }

    /**
     * The pages the issue times: {@code /select} and each filter alone, {@code /payments} and each filter alone, a
     * month, and its second page by its own "older" link; one payment, the dashboard by country and by operator, the
     * integration, setup and cron pages, and the buyer's status page.
     */
    List<Page> pages(String code, LocalDate today) throws IOException, InterruptedException {
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("/select", "/select"));
        pages.add(new Page("/select msisdn start", "/select?msisdn=37050001"));
        pages.add(new Page("/select country", "/select?country=lt"));
        pages.add(new Page("/select operator", "/select?provider=bench_open"));
        pages.add(new Page("/select state=open", "/select?state=open"));
        pages.add(new Page("/select state=waiting", "/select?state=waiting"));
        pages.add(new Page("/payments", "/payments"));
        pages.add(new Page("/payments code", "/payments?code=" + code));
        pages.add(new Page("/payments msisdn start", "/payments?msisdn=37050001"));
        pages.add(new Page("/payments content", "/payments?content=order-42"));
        pages.add(new Page("/payments country", "/payments?country=lv"));
        pages.add(new Page("/payments operator", "/payments?provider=lmt_lv"));
        pages.add(new Page("/payments gateway", "/payments?dialect=fortumo"));
        for (String state : List.of("open", "waiting", "closed", "reversed", "test")) {
            pages.add(new Page("/payments state=" + state, "/payments?state=" + state));
        }
        pages.add(new Page("/payments redeemed=yes", "/payments?redeemed=yes"));
        pages.add(new Page("/payments redeemed=no", "/payments?redeemed=no"));
        pages.add(new Page("/payments one month", "/payments?from=" + today.minusDays(60) + "&to="
                + today.minusDays(31)));
        pages.add(new Page("/payments page 2", nextPage("/payments")));
        pages.add(new Page("/payment?code=", "/payment?code=" + code));
        pages.add(new Page("/dashboard by country", "/dashboard?by=country"));
        pages.add(new Page("/dashboard by operator", "/dashboard?by=operator"));
        pages.add(new Page("/integration", "/integration"));
        pages.add(new Page("/setup", "/setup"));
        pages.add(new Page("/cron", "/cron"));
        pages.add(new Page("/check?session=", "/check?session=" + code));
        return pages;
    }

    /** The path of the page's "next"/"older" link ({@code rel="next"}), as its HTML gives it. */
    private String nextPage(String path) throws IOException, InterruptedException {
        Http.Answer answer = get(path);
        if (answer.status() != 200) {
            throw new IllegalStateException(path + " answered " + answer.status());
        }
        Matcher a = NEXT.matcher(answer.body());
        Matcher href = a.find() ? HREF.matcher(a.group()) : null;
        if (href == null || !href.find()) {
            throw new IllegalStateException(path + " has no rel=\"next\" link");
        }
        String link = href.group(1).replace("&amp;", "&");
        String context = URI.create(app).getPath();
        if (link.startsWith(context + "/")) {
            return link.substring(context.length());
        }
        if (link.startsWith("?")) {
            return path + link;
        }
        throw new IllegalStateException(path + "'s next link is not one of the WAR's pages: " + link);
    }

    /** The admin's GET of a page of the WAR, read to its end. */
    Http.Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Answer(response.statusCode(), response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(app + path)).timeout(Duration.ofMinutes(5))
                .header("Accept", "text/html")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ADMIN.getBytes(StandardCharsets.UTF_8)));
    }

    /** Loads each page {@code times} times, untimed; returns what did not answer 200. */
    List<String> warm(List<Page> pages, int times) throws Exception {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            for (Page page : pages) {
                touch();
                int status = get(page.path()).status();
                if (status != 200) {
                    failures.add(page.path() + " -> " + status);
                }
            }
        }
        return failures;
    }

    /** {@code tries} timed loads of a page, each with the rows read. */
    Timing time(Page page, int tries) throws Exception {
        long[] millis = new long[tries];
        List<Long> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            touch();
            engine.resetStatistics();
            long start = System.nanoTime();
            Http.Answer answer = get(page.path());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            Optional<Engine.UserStatistics> statistics = engine.statistics(Side.WAR);
            statistics.ifPresent(s -> rows.add(s.rowsRead()));
            if (answer.status() != 200) {
                failures.add(page.path() + " -> " + answer.status());
            }
        }
        return new Timing(page, millis, rows.stream().mapToLong(Long::longValue).toArray(), failures);
    }

    /** The CSV of {@code from} to {@code to}, streamed and counted, with Tomcat's heap around it. */
    CsvExport csv(LocalDate from, LocalDate to) throws Exception {
        touch();
        String path = "/payments?format=csv&from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8);
        double oldBefore = oldAfterCollection();
        AtomicBoolean streaming = new AtomicBoolean(true);
        AtomicLong peakKb = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (streaming.get()) {
                double[] gc = jstatGc();
                if (gc != null) {
                    peakKb.accumulateAndGet((long) gc[0], Math::max);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        long start = System.nanoTime();
        long firstByte = -1;
        long bytes = 0;
        long lines = 0;
        int status;
        sampler.start();
        try {
            HttpResponse<InputStream> response = client.send(request(path).header("Accept", "text/csv").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            byte[] buffer = new byte[65536];
            try (InputStream in = response.body()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (firstByte < 0 && n > 0) {
                        firstByte = System.nanoTime();
                    }
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
        } finally {
            streaming.set(false);
            sampler.interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.join(5000);
        double oldAfter = oldAfterCollection();
        return new CsvExport(path, status, Math.max(0, lines - 1), bytes,
                firstByte < 0 ? Double.NaN : (firstByte - start) / 1e6, seconds, oldBefore, peakKb.get() / 1024.0,
                oldAfter);
    }

    /** Tomcat's old generation in MB right after a full collection ({@code jcmd GC.run}); NaN without the tools. */
    private double oldAfterCollection() {
        if (run("jcmd", String.valueOf(tomcatPid), "GC.run") == null) {
            return Double.NaN;
        }
        double[] gc = jstatGc();
        return gc == null ? Double.NaN : gc[1] / 1024.0;
    }

    /** From {@code jstat -gc}: {heap in use, old generation in use}, KB; null when it cannot be read. */
    private double[] jstatGc() {
        String out = run("jstat", "-gc", String.valueOf(tomcatPid));
        if (out == null) {
            return null;
        }
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) {
            return null;
        }
        List<String> names = Arrays.asList(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        double used = 0;
        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
            int i = names.indexOf(column);
            if (i >= 0 && i < values.length) {
                used += Double.parseDouble(values[i]);
            }
        }
        int old = names.indexOf("OU");
        return new double[] {used, old >= 0 ? Double.parseDouble(values[old]) : Double.NaN};
    }

    private static String run(String tool, String... args) {
        Path executable = JDK_BIN.resolve(tool);
        if (!Files.isExecutable(executable)) {
            return null;
        }
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * An admin browsing: one thread loading the pages one after another, round and round, until stopped, pausing
     * {@code pause} milliseconds after each as a person reads it (0: back to back, a load no person makes).
     */
    final class Browsing implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong loads = new AtomicLong();
        private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        Browsing(List<Page> pages, int pause) {
            thread = new Thread(() -> {
                for (int i = 0; running.get(); i = (i + 1) % pages.size()) {
                    String path = pages.get(i).path();
                    try {
                        int status = get(path).status();
                        if (status != 200 && failures.size() < 10) {
                            failures.add(path + " -> " + status);
                        }
                        loads.incrementAndGet();
                        if (pause > 0) {
                            Thread.sleep(pause);
                        }
                    } catch (IOException e) {
                        if (failures.size() < 10) {
                            failures.add(path + " -> " + e);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "admin-browsing");
            thread.setDaemon(true);
            thread.start();
        }

        long loads() {
            return loads.get();
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
