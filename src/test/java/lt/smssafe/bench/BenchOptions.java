package lt.smssafe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What to run, from system properties ({@code -Dbench.…} on the Maven command line).
 *
 * @param engines {@code bench.db}: {@code h2}, {@code mariadb}, or both (comma-separated; default both)
 * @param scenarios {@code bench.scenario}: 1, 2, 3 (comma-separated; default all), and {@code pages}, which is not
 *     in this list but sets {@code pages}
 * @param pages whether {@code bench.scenario} names {@code pages}: the admin pages, the CSV and the mixed load at
 *     {@code bench.prefill} closed sessions (issue 23; after the numbered scenarios on each database)
 * @param rounds {@code bench.rounds}: measured rounds per side and scenario (default 3)
 * @param round {@code bench.seconds}: length of one round of one side (default 10)
 * @param warmup {@code bench.warmup}: the length of an unmeasured warm-up round, in seconds (default 10; 0 for
 *     none): before a scenario's rounds each side gets them until Tomcat's JIT compilers are nearly idle during its
 *     round (2 to {@code warmupMax} before the first scenario on a database, whose JVM is fresh; 1 to half that
 *     before the next)
 * @param warmupMax {@code bench.warmup.max}: see {@code warmup} (default 8)
 * @param warmupConnections {@code bench.warmup.connections}: wrk's connections in warm-up rounds (default 8: fewer
 *     request threads leave the JIT compilers more of the CPU, so the JVM is warm sooner)
 * @param jvm {@code bench.jvm}: options of Tomcat's JVM (default {@code -Xms2g -Xmx2g}: a fixed heap, as a
 *     production Tomcat has, so that the collector does not grow it during the first rounds)
 * @param threads {@code bench.threads}: wrk's threads (default 2)
 * @param connections {@code bench.connections}: wrk's connections (default 64)
 * @param phones {@code bench.phones}: phones with an open session in scenarios 2 and 3 (default 20000)
 * @param closedSessions {@code bench.prefill}: closed sessions stored before scenario 3 (default 1000000)
 * @param prefillMessages {@code bench.prefill.messages}: the messages of each of those sessions, 1 to 100 (default
 *     1: a million messages; 3 makes the prefill about twice as long)
 * @param prefillPhones {@code bench.prefill.phones}: the phones those sessions belong to (default 100000, the first
 *     {@code phones} of them the scenario's own)
 * @param port {@code bench.port}: Tomcat's HTTP port (default 8180; no shutdown port)
 * @param maxRate {@code bench.max-rate}: requests per second a round's file is signed for at first (default
 *     12000); raised when a side comes near it
 * @param pageTries {@code bench.pages.tries}: the pages scenario's timed loads of each page (default 5)
 * @param mbsTransactions {@code bench.pages.mbs}: the pages scenario's MBS transactions (default 100000)
 * @param browsingPause {@code bench.pages.pause}: milliseconds the browsing admin of the mixed load waits after each
 *     page before the next (default 1000: one page a second, faster than a person reads; 0 loads them back to back)
 * @param statements {@code bench.statements}: on MariaDB, one more short round per side with the general log on,
 *     printing the statements per request (default false)
 * @param webhook {@code bench.webhook}: {@code compare} runs the webhook comparison (issue 25) on each database, after
 *     the numbered scenarios (which then default to none) and the pages; {@code off} (the default) does not
 * @param closingEvery {@code bench.webhook.every}: in the webhook comparison's load, one message in this many closes
 *     its session (a new phone of an operator with N = 1) and owes an event; the others start a session of 3
 *     (default 10: the runners, starved by the request threads during the load, are left a backlog that they drain
 *     in seconds rather than minutes)
 * @param profiler with {@code bench.profile=true}: async-profiler's agent library ({@code bench.profiler.lib}, which
 *     the {@code bench} profile unpacks), attached to Tomcat through each scenario's measured rounds ({@link Profiler})
 */
record BenchOptions(List<String> engines, List<Integer> scenarios, int rounds, Duration round, Duration warmup,
        int warmupMax, int warmupConnections, int threads, int connections, int phones, int closedSessions,
        int prefillMessages, int prefillPhones, int port, int maxRate, boolean pages, int pageTries,
        int mbsTransactions, int browsingPause, boolean statements, boolean webhook, int closingEvery, String jvm,
        Path tomcatHome, Path war, Path work, Optional<Path> profiler) {

    static BenchOptions fromSystemProperties() {
        List<String> engines = list("bench.db", "h2,mariadb").stream().map(e -> e.toLowerCase(Locale.ROOT))
                .map(e -> e.equals("both") ? "h2,mariadb" : e).flatMap(e -> Arrays.stream(e.split(","))).toList();
        for (String engine : engines) {
            if (!engine.equals("h2") && !engine.equals("mariadb")) {
                throw new IllegalArgumentException("bench.db must be h2, mariadb or both, not '" + engine + "'");
            }
        }
        String webhook = System.getProperty("bench.webhook", "off").strip().toLowerCase(Locale.ROOT);
        if (!webhook.equals("off") && !webhook.equals("compare")) {
            throw new IllegalArgumentException("bench.webhook must be compare or off, not '" + webhook + "'");
        }
        boolean compareWebhook = webhook.equals("compare");
        List<String> named = list("bench.scenario", compareWebhook ? "" : "1,2,3").stream()
                .map(e -> e.toLowerCase(Locale.ROOT)).toList();
        boolean pages = named.contains("pages");
        List<Integer> scenarios;
        try {
            scenarios = named.stream().filter(e -> !e.equals("pages")).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bench.scenario must list 1, 2, 3 or pages, not '"
                    + System.getProperty("bench.scenario") + "'");
        }
        for (int scenario : scenarios) {
            if (scenario < 1 || scenario > 3) {
                throw new IllegalArgumentException("bench.scenario must be 1, 2 or 3, not " + scenario);
            }
        }
        BenchOptions options = new BenchOptions(engines, scenarios, integer("bench.rounds", 3),
                Duration.ofSeconds(integer("bench.seconds", 10)), Duration.ofSeconds(integer("bench.warmup", 10)),
                integer("bench.warmup.max", 8), integer("bench.warmup.connections", 8),
                integer("bench.threads", 2), integer("bench.connections", 64), integer("bench.phones", 20_000),
                integer("bench.prefill", 1_000_000), integer("bench.prefill.messages", 1),
                integer("bench.prefill.phones", 100_000),
                integer("bench.port", 8180), integer("bench.max-rate", 12_000), pages,
                integer("bench.pages.tries", 5), integer("bench.pages.mbs", 100_000), integer("bench.pages.pause", 1000),
                Boolean.parseBoolean(System.getProperty("bench.statements", "false")), compareWebhook,
                integer("bench.webhook.every", 10), System.getProperty("bench.jvm", "-Xms2g -Xmx2g"),
                Path.of(required("tomcat.home")), Path.of(required("smssafe.war")),
                Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath(),
                Boolean.parseBoolean(System.getProperty("bench.profile", "false"))
                        ? Optional.of(Path.of(required("bench.profiler.lib"))) : Optional.empty());
        if (options.profiler.isPresent() && !Files.isRegularFile(options.profiler.get())) {
            throw new IllegalArgumentException("bench.profile needs async-profiler's library, not found at "
                    + options.profiler.get());
        }
        if (options.prefillPhones < options.phones) {
            throw new IllegalArgumentException("bench.prefill.phones must be at least bench.phones");
        }
        if (options.rounds < 1 || options.round.isZero() || options.threads < 1 || options.warmupMax < 1
                || options.connections < options.threads || options.warmupConnections < options.threads) {
            throw new IllegalArgumentException("bench.rounds, bench.seconds and bench.warmup.max must be positive,"
                    + " and bench.connections and bench.warmup.connections at least bench.threads");
        }
        if (options.pageTries < 1 || options.mbsTransactions < 0 || options.browsingPause < 0) {
            throw new IllegalArgumentException("bench.pages.tries must be positive, bench.pages.mbs and"
                    + " bench.pages.pause not negative");
        }
        if (options.closingEvery < 1) {
            throw new IllegalArgumentException("bench.webhook.every must be positive");
        }
        if (options.prefillMessages < 1 || options.prefillMessages > 100) {
            throw new IllegalArgumentException("bench.prefill.messages must be 1 to 100, the N the rates allow");
        }
        return options;
    }

    @Override
    public String toString() {
        return "db=" + String.join(",", engines) + " scenarios=" + scenarios + (pages ? " + pages (" + pageTries
                + " timed loads a page, " + mbsTransactions + " MBS transactions)" : "") + (webhook
                ? " + webhook off/on (one message in " + closingEvery + " closes a session)" : "") + " rounds="
                + rounds + " x " + round.toSeconds() + " s per side (warm-up rounds of " + warmup.toSeconds() + " s, at most "
                + warmupMax + ", at -c" + warmupConnections + "), wrk -t" + threads + " -c" + connections + ", "
                + phones + " phones, prefill " + closedSessions + " closed sessions of " + prefillMessages
                + " message(s) of " + prefillPhones + " phones, port " + port + ", Tomcat's JVM: " + jvm
                + (profiler.isPresent() ? ", profiled (async-profiler, itimer every 2 ms)" : "");
    }

    private static List<String> list(String key, String defaults) {
        return Arrays.stream(System.getProperty(key, defaults).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static int integer(String key, int defaultValue) {
        String value = System.getProperty(key);
        try {
            return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("system property " + key + " is missing: run the benchmark with"
                    + " mvn -Pbench package");
        }
        return value;
    }
}
