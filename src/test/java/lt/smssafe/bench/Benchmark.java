package lt.smssafe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import lt.smssafe.bench.baseline.BaselineSchema;
import lt.smssafe.demo.DemoTomcat;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.sms.dialect.smssafe.NotificationSigner;
import lt.smssafe.sms.dialect.smssafe.Passkey;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;

/**
 * The benchmark command of docs/performance.md ({@code mvn -B -Pbench package}; options in {@link BenchOptions}). For each
 * database: empty databases with both sides' schemas, and one Tomcat with the production WAR and the baseline. For
 * each scenario in it: both sides' tables emptied and what the scenario finds stored written in bulk
 * ({@link Prefill}), a check that both sides answer the contract, unmeasured warm-up rounds (three per side before
 * the first scenario, whose JVM is fresh, one before the others), then measured rounds alternating WAR and baseline
 * (ABBA), each checked by SQL afterwards ({@link Validation}). Prints a table of the medians and the ratios
 * ({@link Report}), and fails when any round was invalid.
 */
public final class Benchmark {
    static final long SAFE = 4242;
    static final String PASSKEY = "bench-passkey-4242";
    /**
     * The webhook comparison's load, numbered after the scenarios: every message from a new phone, one in
     * {@code bench.webhook.every} closing its session at once (N = 1), the others starting a session of 3.
     */
    static final int CLOSING = 4;
    /** Sessions the webhook comparison closes one at a time after its rounds, for the lag at rest. */
    private static final int AT_REST = 200;
    /** The pause after each of them: a few dozen a second, far below what a runner delivers. */
    private static final Duration AT_REST_PAUSE = Duration.ofMillis(20);
    /** The webhook's signing secret in the comparison: the receiver does not check it. */
    private static final String WEBHOOK_SECRET = "bench-webhook-secret-of-at-least-32-characters";
    private static final String BUFFER_POOL = "1G";
    /**
     * Warm-up rounds per side before the first scenario on a database, at least and at most: its JVM is fresh, and
     * the JIT compilers take a minute or more of load to make the WAR and H2 (one copy in each application) fast.
     */
    private static final int FIRST_WARMUP_MIN = 2;
    /**
     * A side is warm when the JIT compilers worked less than this share of one core during its last warm-up round
     * (or, where that cannot be read, when its CPU per answer improves by less than {@link #WARM} from one warm-up
     * round to the next).
     */
    private static final double JIT_IDLE = 0.05;
    /** See {@link #JIT_IDLE}. */
    private static final double WARM = 0.05;

    private final BenchOptions options;
    private final SignedRequests requests = new SignedRequests(SAFE,
            new NotificationSigner(SignatureScheme.HMAC_SHA256, Passkey.of(PASSKEY)));
    private final Random random = new Random(15);
    private final String base;
    private Wrk wrk;
    private Path baselineWar;
    private Path probeClasses;
    private Path rates;
    private DemoTomcat tomcat;
    private Engine engine;
    /** Rounds run in this scenario so far: scenario 1's new phones are numbered by it. */
    private int roundsOfScenario;
    /** Requests per second a side's next round is signed for; {@code bench.max-rate} at first. */
    private final Map<Side, Integer> capacity = new java.util.EnumMap<>(Side.class);
    /** The pages scenario's results, one per database. */
    private final List<PagesReport> pagesReports = new ArrayList<>();
    /** The webhook comparison's results, one per database. */
    private final List<WebhookReport> webhookReports = new ArrayList<>();
    /** The webhook comparison's receiver, for the whole run. */
    private WebhookReceiver receiver;

    private Benchmark(BenchOptions options) {
        this.options = options;
        this.base = "http://127.0.0.1:" + options.port();
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.fromSystemProperties();
        Benchmark benchmark = new Benchmark(options);
        Thread stop = new Thread(benchmark::stopAll, "stop-benchmark");
        Runtime.getRuntime().addShutdownHook(stop);
        Report report;
        try {
            report = benchmark.run();
        } finally {
            benchmark.stopAll();
            Runtime.getRuntime().removeShutdownHook(stop);
        }
        if (!benchmark.webhookReports.stream().allMatch(WebhookReport::valid)) {
            throw new IllegalStateException("the webhook comparison is INVALID: a round answered something else than"
                    + " 200, stored what it did not answer, or a closed session's event was missing or repeated; see"
                    + " the lines marked INVALID above");
        }
        if (!benchmark.pagesReports.stream().allMatch(PagesReport::valid)) {
            throw new IllegalStateException("the pages scenario is INVALID: a page, the CSV or a round answered"
                    + " something else than 200; see the lines marked INVALID above");
        }
        if (!report.valid()) {
            throw new IllegalStateException("the benchmark is INVALID: a round answered something else than 200 or"
                    + " stored what it did not answer; see the lines marked INVALID above");
        }
    }

    private Report run() throws Exception {
        Instant started = Instant.now();
        Path work = options.work();
        Files.createDirectories(work);
        log("benchmark: " + options);
        log("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", load average "
                + CpuMeter.loadAverage() + " (1, 5, 15 min) before the run");
        requirePortFree(options.port());
        wrk = Wrk.prepare(work, options.threads());
        baselineWar = Deployments.baselineWar(work.resolve("baseline.war"));
        probeClasses = Deployments.probeClasses(work.resolve("probe-classes"));
        rates = writeRates(work.resolve("rates-" + SAFE + ".xml"));
        if (options.webhook()) {
            receiver = new WebhookReceiver();
            log("webhook receiver at " + receiver.url());
        }
        Report report = new Report(options);
        for (String name : options.engines()) {
            engine = name.equals("h2") ? new H2Engine(work.resolve("h2"), options.port())
                    : new MariaDbEngine(work.resolve("mariadb"), BUFFER_POOL);
            MariaDbEngine.loadDriver();
            try {
                engine.start();
                engine.reset();
                new SchemaMigrations(engine.dataSource(Side.WAR)).migrate();
                if (options.webhook()) {
                    new SchemaMigrations(engine.dataSource(Side.HOOK)).migrate();
                }
                try (Connection c = engine.connect(Side.BASELINE)) {
                    BaselineSchema.create(c);
                }
                startTomcat();
                boolean first = true;
                for (int scenario : options.scenarios()) {
                    report.add(scenario(scenario, first));
                    first = false;
                }
                if (options.pages()) {
                    PagesReport pages = pages();
                    pagesReports.add(pages);
                    System.out.println();
                    System.out.println(pages.table());
                }
                if (options.webhook()) {
                    // after the pages scenario Tomcat's JVM is fresh again but for the WAR
                    WebhookReport webhook = webhook(first || options.pages());
                    webhookReports.add(webhook);
                    System.out.println();
                    System.out.println(webhook.table());
                }
            } finally {
                stopTomcat();
                engine.close();
                engine = null;
            }
        }
        Duration took = Duration.between(started, Instant.now());
        log("load average " + CpuMeter.loadAverage() + " after the run; the whole run took " + minutes(took));
        String table = options.scenarios().isEmpty() ? "sms:safe benchmark, " + options + "; whole run "
                + minutes(took) + "\n" : report.table(took);
        for (PagesReport pages : pagesReports) {
            table += "\n" + pages.table();
        }
        for (WebhookReport webhook : webhookReports) {
            table += "\n" + webhook.table();
        }
        System.out.println();
        System.out.println(table);
        Files.writeString(work.resolve("results.md"), table);
        log("the table is also in " + work.resolve("results.md"));
        return report;
    }

    /**
     * One scenario in the running Tomcat: both sides' tables emptied and prefilled, the contract check, the warm-up
     * rounds, the measured rounds.
     */
    private Report.ScenarioResult scenario(int scenario, boolean fresh) throws Exception {
        String name = engine.name() + " s" + scenario;
        String loadBefore = CpuMeter.loadAverage();
        log("== " + engine.label() + ", scenario " + scenario + ": " + Report.scenario(scenario, options)
                + " (load average " + loadBefore + ")");
        roundsOfScenario = 0;
        for (Side side : Side.VERSUS_BASELINE) {
            engine.execute(side, engine.truncate(Prefill.tables(side)));
        }
        Duration prefill = Duration.ZERO;
        if (scenario != 1) {
            prefill = prefill(scenario == 3 ? options.closedSessions() : 0);
        }
        ContractCheck check = new ContractCheck(requests, new Http(base));
        for (Side side : Side.VERSUS_BASELINE) {
            List<String> problems = check.check(side, engine.name() + scenario + side.letter());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the contract check failed, nothing measured: " + problems);
            }
        }
        log(name + ": both sides answer the contract's texts");
        int[] phones = null;
        if (scenario != 1) {
            phones = IntStream.range(0, options.phones()).toArray();
            shuffle(phones);
        }
        // the next scenarios' code paths are mostly compiled by then
        List<RoundResult> warmups = fresh ? warmUp(scenario, phones, FIRST_WARMUP_MIN, options.warmupMax(), 2)
                : warmUp(scenario, phones, 1, Math.max(1, options.warmupMax() / 2), 1);
        List<Report.RoundPair> rounds = new ArrayList<>();
        Optional<Profiler> profiler = options.profiler().map(Profiler::new);
        if (profiler.isPresent()) {
            profiler.get().start(tomcatPid());
        }
        for (int r = 1; r <= options.rounds(); r++) {
            Map<Side, RoundResult> pair = abba(scenario, r, Side.VERSUS_BASELINE, phones);
            rounds.add(new Report.RoundPair(r, pair.get(Side.WAR), pair.get(Side.BASELINE)));
        }
        if (profiler.isPresent()) {
            profile(profiler.get(), scenario, rounds);
        }
        Map<Side, String> statements = new LinkedHashMap<>();
        if (options.statements() && engine instanceof MariaDbEngine mariaDb) {
            for (Side side : Side.values()) {
                mariaDb.generalLog(true);
                RoundResult logged = round(scenario, side, 0, Duration.ofSeconds(3), phones, "g");
                mariaDb.generalLog(false);
                String kinds = Report.statements(mariaDb.loggedStatements(side), logged.stored());
                log(name + " " + side.label + " with the general log on: " + logged.stored() + " messages stored, "
                        + kinds);
                statements.put(side, kinds);
            }
        }
        return new Report.ScenarioResult(engine.label(), scenario, warmups, rounds, prefill, loadBefore,
                CpuMeter.loadAverage(), statements);
    }

    /**
     * Stops the profiler that ran through a scenario's measured rounds and writes its stacks and their summary by side
     * ({@link Profiler}) beside Tomcat's log.
     */
    private void profile(Profiler profiler, int scenario, List<Report.RoundPair> rounds) throws Exception {
        Path dir = options.work().resolve(engine.name());
        Path collapsed = dir.resolve("profile-s" + scenario + ".collapsed");
        profiler.stop(tomcatPid(), collapsed);
        List<String> summary = Profiler.summary(collapsed, rounds.stream().mapToLong(p -> p.war().wrk().ok()).sum(),
                rounds.stream().mapToLong(p -> p.baseline().wrk().ok()).sum());
        Path md = dir.resolve("profile-s" + scenario + ".md");
        Files.write(md, summary);
        log(engine.name() + " s" + scenario + ": profile of the measured rounds in " + collapsed + ", by side in " + md);
        summary.forEach(Benchmark::log);
    }

    /**
     * Measured round {@code r} of two sides: ABBA, the first of {@code sides} first in odd rounds, the second in even
     * ones, so that neither always goes first and a drift of the machine falls on both.
     */
    private Map<Side, RoundResult> abba(int scenario, int r, List<Side> sides, int[] phones) throws Exception {
        Map<Side, RoundResult> pair = new LinkedHashMap<>();
        for (Side side : r % 2 == 1 ? sides : List.of(sides.get(1), sides.get(0))) {
            pair.put(side, round(scenario, side, r, options.round(), phones, ""));
        }
        return pair;
    }

    /**
     * The webhook comparison (issue 25) on the current database: the WAR with the webhook off ({@code /smssafe}, the
     * logging payment action) and on ({@code /smssafe-hook}, its own database, {@code webhook.url} at the
     * {@link WebhookReceiver}), both tables emptied, under the {@link #CLOSING} load: warm-up rounds, then measured
     * ABBA rounds. After each round of either side the benchmark waits until every run it owed is done, and checks
     * that each session it closed had one run and, with the webhook on, one event ({@link Deliveries}). Then, on each
     * side, {@value #AT_REST} sessions closed one at a time ({@link #atRest}).
     */
    private WebhookReport webhook(boolean fresh) throws Exception {
        String loadBefore = CpuMeter.loadAverage();
        log("== " + engine.label() + ", webhook off / on: every message from a new phone, one in "
                + options.closingEvery() + " closing its session (load average " + loadBefore + ")");
        roundsOfScenario = 0;
        for (Side side : Side.WEBHOOK_OFF_ON) {
            engine.execute(side, engine.truncate(Prefill.tables(side)));
        }
        List<RoundResult> warmups = fresh
                ? warmUp(CLOSING, null, FIRST_WARMUP_MIN, options.warmupMax(), 2, Side.WEBHOOK_OFF_ON)
                : warmUp(CLOSING, null, 1, Math.max(1, options.warmupMax() / 2), 1, Side.WEBHOOK_OFF_ON);
        List<WebhookReport.Pair> rounds = new ArrayList<>();
        for (int r = 1; r <= options.rounds(); r++) {
            Map<Side, RoundResult> pair = abba(CLOSING, r, Side.WEBHOOK_OFF_ON, null);
            rounds.add(new WebhookReport.Pair(r, pair.get(Side.WAR), pair.get(Side.HOOK)));
        }
        List<String> problems = new ArrayList<>();
        Map<Side, Deliveries> atRest = new LinkedHashMap<>();
        for (Side side : Side.WEBHOOK_OFF_ON) {
            atRest.put(side, atRest(side, problems));
        }
        return new WebhookReport(engine.label(), options, warmups, rounds, atRest.get(Side.WAR),
                atRest.get(Side.HOOK), problems, loadBefore, CpuMeter.loadAverage());
    }

    /**
     * {@value #AT_REST} sessions of one side closed one at a time, each message sent after the answer to the one
     * before and a pause: what a payment's run or event waits for when no backlog is before it.
     */
    private Deliveries atRest(Side side, List<String> problems) throws Exception {
        WebhookReceiver hook = side == Side.HOOK ? receiver : null;
        Deliveries.Mark mark = Deliveries.mark(engine, side, hook);
        Http http = new Http(base);
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < AT_REST; i++) {
            // a phone of its own: 5, side, sequence
            Http.Answer answer = http.get(requests.line(side, "rest" + side.letter() + "-0-" + i,
                    "5" + side.ordinal() + String.format("%07d", i), SignedRequests.CLOSING, now));
            if (answer.status() != 200) {
                problems.add(side.label + " at rest: " + answer);
            }
            Thread.sleep(AT_REST_PAUSE.toMillis());
        }
        Deliveries deliveries = Deliveries.check(engine, side, hook, mark, Instant.now(), problems);
        log(engine.name() + " " + side.label + " at rest, " + AT_REST + " sessions closed one at a time: "
                + deliveries.line());
        return deliveries;
    }

    /**
     * Unmeasured rounds, alternating the sides, until each side is warm: during its last round the JIT compilers
     * were nearly idle ({@link #JIT_IDLE}), or without {@code jstat} its CPU per answer (robust against what else the
     * machine runs, unlike req/s) improved by less than {@value #WARM} in each of its last {@code steady} rounds;
     * after at least {@code min} and at most {@code max} rounds.
     */
    private List<RoundResult> warmUp(int scenario, int[] phones, int min, int max, int steady) throws Exception {
        return warmUp(scenario, phones, min, max, steady, Side.VERSUS_BASELINE);
    }

    /** {@link #warmUp(int, int[], int, int, int)} of some sides only. */
    private List<RoundResult> warmUp(int scenario, int[] phones, int min, int max, int steady, List<Side> sides)
            throws Exception {
        List<RoundResult> warmups = new ArrayList<>();
        if (options.warmup().isZero()) {
            return warmups;
        }
        Map<Side, List<Double>> costs = new LinkedHashMap<>();
        Map<Side, Boolean> warm = new LinkedHashMap<>();
        for (Side side : sides) {
            costs.put(side, new ArrayList<>());
            warm.put(side, false);
        }
        for (int w = 0; w < max && warm.containsValue(false); w++) {
            for (Side side : sides) {
                if (warm.get(side)) {
                    continue;
                }
                RoundResult warmup = round(scenario, side, 0, options.warmup(), phones, "w" + w);
                warmups.add(warmup);
                List<Double> cost = costs.get(side);
                cost.add(warmup.cpuMillisPerAnswer());
                // the JIT's own work says it best; without jstat, the side's cost per answer must level off
                boolean settled = Double.isNaN(warmup.jitSeconds()) ? levelled(cost, steady)
                        : warmup.jitSeconds() < JIT_IDLE * options.warmup().toSeconds();
                warm.put(side, cost.size() >= min && settled);
            }
        }
        log(engine.name() + " s" + scenario + ": warm-up done: " + warm.entrySet().stream()
                .map(e -> e.getKey().label + (e.getValue() ? " warm after " : " NOT warm (the JIT still compiles) after ")
                        + costs.get(e.getKey()).size() + " rounds")
                .collect(java.util.stream.Collectors.joining(", ")));
        return warmups;
    }

    /** Whether each of the last {@code steady} values is less than {@value #WARM} below the one before it. */
    private static boolean levelled(List<Double> costs, int steady) {
        int n = costs.size();
        if (n <= steady) {
            return false;
        }
        for (int i = n - steady; i < n; i++) {
            if (costs.get(i) < costs.get(i - 1) * (1 - WARM)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What scenarios 2 and 3 find stored (the open sessions, and scenario 3's closed ones) on both sides at once (two
     * connections, two cores), timed.
     */
    private Duration prefill(int closed) throws Exception {
        Prefill prefill = new Prefill(engine, SAFE, closed, options.prefillMessages(),
                closed == 0 ? options.phones() : options.prefillPhones(), options.phones(), System.currentTimeMillis());
        long start = System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            Map<Side, java.util.concurrent.Future<String>> sides = new LinkedHashMap<>();
            for (Side side : Side.VERSUS_BASELINE) {
                sides.put(side, pool.submit(() -> {
                    long sideStart = System.nanoTime();
                    long rows = prefill.write(side);
                    return rows + " rows in " + seconds(Duration.ofNanos(System.nanoTime() - sideStart));
                }));
            }
            for (Map.Entry<Side, java.util.concurrent.Future<String>> side : sides.entrySet()) {
                try {
                    log(engine.name() + " prefill of " + side.getKey().label + ": " + closed + " closed and "
                            + options.phones() + " open sessions, " + side.getValue().get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("the prefill of " + side.getKey().label + " failed: "
                            + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log(engine.name() + " prefill of both sides took " + seconds(took));
        return took;
    }

    /**
     * The pages scenario (issue 23) on the current database: Tomcat stopped, the WAR's tables emptied and filled with
     * two years of a shop ({@link PagesPrefill}), Tomcat started again (the WAR derives at start-up what it derives
     * from its tables) and {@code /health} awaited; every admin page warmed and timed ({@link PageTimings}); the CSV of
     * a year; then scenario 3's {@code /result} load on the WAR, alone and with an admin browsing beside it, in ABBA
     * rounds.
     */
    private PagesReport pages() throws Exception {
        String loadBefore = CpuMeter.loadAverage();
        log("== " + engine.label() + ", pages: " + options.closedSessions() + " closed sessions over 2 years, "
                + options.phones() + " open (load average " + loadBefore + ")");
        stopTomcat();
        PagesPrefill prefill = new PagesPrefill(engine, SAFE, options.closedSessions(), options.phones(),
                options.prefillPhones(), options.mbsTransactions(), System.currentTimeMillis());
        long start = System.nanoTime();
        long rows;
        try (Connection c = engine.connect(Side.WAR)) {
            rows = prefill.write(c);
        }
        Duration filled = Duration.ofNanos(System.nanoTime() - start);
        log(engine.name() + " pages prefill: " + rows + " rows in " + seconds(filled));
        start = System.nanoTime();
        startTomcat(Duration.ofMinutes(20));
        awaitHealth(Duration.ofMinutes(20));
        Duration startUp = Duration.ofNanos(System.nanoTime() - start);
        log(engine.name() + ": the WAR answers /health " + seconds(startUp) + " after Tomcat's start began");
        PageTimings timings = new PageTimings(base, "/smssafe", engine, tomcatPid());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String code = Prefill.codeOf(options.closedSessions() / 2);
        List<PageTimings.Page> pages = timings.pages(code, today);
        List<String> warmFailures = timings.warm(pages, 3);
        List<PageTimings.Timing> timed = new ArrayList<>();
        for (PageTimings.Page page : pages) {
            warmFailures.addAll(timings.warm(List.of(page), 1));
            PageTimings.Timing t = timings.time(page, options.pageTries());
            timed.add(t);
            log(String.format("%s %-28s median %5.0f ms, worst %5d ms, rows read %s (%s)%s", engine.name(),
                    page.label(), t.median(), t.worst(), t.rows(), page.path(), t.failures().isEmpty() ? ""
                            : "  INVALID: " + t.failures()));
        }
        PageTimings.CsvExport csv = timings.csv(today.minusDays(365), today);
        log(String.format("%s CSV of a year: %d, %d rows in %.1f s (%.0f rows/s), first byte after %.0f ms, old gen"
                + " after GC %.1f -> %.1f MB, at most %.1f MB in use", engine.name(), csv.status(), csv.rows(),
                csv.seconds(), csv.rowsPerSecond(), csv.firstByteMillis(), csv.oldBefore(), csv.oldAfter(),
                csv.peakUsed()));
        int[] phones = IntStream.range(0, options.phones()).toArray();
        shuffle(phones);
        roundsOfScenario = 0;
        // Tomcat's JVM is fresh again; only the WAR is loaded (the baseline's tables are empty here)
        warmUp(3, phones, FIRST_WARMUP_MIN, options.warmupMax(), 2, List.of(Side.WAR));
        List<PagesReport.MixedPair> mixed = new ArrayList<>();
        List<String> browsingFailures = new ArrayList<>();
        for (int r = 1; r <= options.rounds(); r++) {
            RoundResult quiet = null;
            RoundResult browsing = null;
            long loads = 0;
            // ABBA: alone first in odd rounds, with the admin first in even ones
            for (boolean withAdmin : r % 2 == 1 ? List.of(false, true) : List.of(true, false)) {
                if (withAdmin) {
                    try (PageTimings.Browsing admin = timings.new Browsing(pages, options.browsingPause())) {
                        browsing = round(3, Side.WAR, r, options.round(), phones, "b");
                        loads = admin.loads();
                        browsingFailures.addAll(admin.failures());
                    }
                } else {
                    quiet = round(3, Side.WAR, r, options.round(), phones, "q");
                }
            }
            PagesReport.MixedPair pair = new PagesReport.MixedPair(quiet, browsing, loads);
            mixed.add(pair);
            log(String.format("%s mixed round %d: /result %.0f req/s alone, %.0f with an admin browsing (%d page"
                    + " loads): %.2f", engine.name(), r, quiet.rate(), browsing.rate(), loads, pair.ratio()));
        }
        return new PagesReport(engine.label(), options.closedSessions(), options.phones(), rows, filled, startUp,
                timed, warmFailures, csv, mixed, browsingFailures, loadBefore, CpuMeter.loadAverage());
    }

    private void awaitHealth(Duration timeout) throws InterruptedException {
        Http http = new Http(base);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.get("/smssafe/health").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the WAR did not answer /health with 200 within " + timeout + "; see "
                + engine.dir.resolve("tomcat.log"));
    }

    /**
     * One round of one side: sign its requests, load it with wrk, check what was stored.
     *
     * @param round 0 for an unmeasured round, which {@code kind} tells apart ({@code w0}, {@code w1}: warm-up,
     *     {@code g}: general log)
     */
    private RoundResult round(int scenario, Side side, int round, Duration duration, int[] phones, String kind)
            throws Exception {
        String tag = "s" + scenario + side.letter() + String.format("%02d", round) + kind;
        int serial = roundsOfScenario++;
        int threads = wrk.threads();
        int capacity = this.capacity.getOrDefault(side, options.maxRate());
        int count = (int) Math.min(Integer.MAX_VALUE, (long) capacity * duration.toSeconds());
        long now = System.currentTimeMillis() / 1000;
        int offset = random.nextInt(options.phones());
        Path prefix = options.work().resolve("requests").resolve(tag);
        int closingEvery = scenario == CLOSING ? options.closingEvery() : 0;
        List<Path> files = SignedRequests.write(prefix, threads, count, j -> {
            int t = j % threads;
            int seq = j / threads;
            String id = tag + "-" + t + "-" + seq;
            if (phones == null) {
                // a new phone for every message: 4, the scenario's round, side, thread, sequence
                String msisdn = "4" + String.format("%02d%d%d%07d", serial, side.ordinal(), t, seq);
                return requests.line(side, id, msisdn, Validation.closes(seq, closingEvery) ? SignedRequests.CLOSING
                        : SignedRequests.NEW_PHONES, now);
            }
            return requests.line(side, id, Prefill.phone(phones[(offset + j) % phones.length]),
                    SignedRequests.OPEN_SESSIONS, now);
        });
        Validation validation = new Validation(engine, side, tag, phones == null, closingEvery,
                scenario == 3 ? options.closedSessions() : 0);
        Validation.Counts before = validation.counts();
        WebhookReceiver hook = side == Side.HOOK ? receiver : null;
        Deliveries.Mark mark = scenario == CLOSING ? Deliveries.mark(engine, side, hook) : null;
        engine.resetStatistics();
        long tomcatPid = tomcatPid();
        double jitBefore = JitMeter.compileSeconds(tomcatPid);
        CpuMeter.Reading cpuBefore = CpuMeter.read(tomcatPid, engine.serverPid());
        Wrk.Result result = wrk.run(base, prefix, duration, kind.startsWith("w") ? options.warmupConnections()
                : options.connections(), options.work().resolve("wrk-" + engine.name() + "-" + tag + ".log"));
        Instant loadEnd = Instant.now();
        double[] cores = CpuMeter.read(tomcatPid, engine.serverPid()).coresSince(cpuBefore);
        double jit = JitMeter.compileSeconds(tomcatPid) - jitBefore;
        Optional<Engine.UserStatistics> statistics = engine.statistics(side);
        List<String> problems = new ArrayList<>();
        long stored = validation.check(before, result, problems);
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
        Optional<Deliveries> deliveries = Optional.empty();
        if (mark != null) {
            deliveries = Optional.of(Deliveries.check(engine, side, hook, mark, loadEnd, problems));
        }
        RoundResult roundResult = new RoundResult(side, round, result, stored, statistics, cores, jit, deliveries,
                problems);
        log(engine.name() + " s" + scenario + " " + roundResult.line());
        // the next round's file: three times this one's rate (a warming JVM gets faster, a slow first round can be
        // ten times slower than the next), and never less than at first
        this.capacity.put(side, (int) Math.max(options.maxRate(), result.rate() * 3));
        return roundResult;
    }

    private void startTomcat() throws IOException, InterruptedException {
        startTomcat(Duration.ofMinutes(2));
    }

    private void startTomcat(Duration timeout) throws IOException, InterruptedException {
        tomcat = new DemoTomcat(options.tomcatHome(), engine.dir.resolve("tomcat"), options.port());
        tomcat.contextExtras(engine.warContextExtras(Side.WAR));
        tomcat.jvmOptions(options.jvm());
        tomcat.otherContext("baseline", baselineContext());
        for (Side side : options.webhook() ? Side.WEBHOOK_OFF_ON : List.of(Side.WAR)) {
            Files.createDirectories(engine.warDataDir(side));
            // loaded at start-up: the sessions of the first message already get the benchmark's N
            Files.copy(rates, engine.warDataDir(side).resolve("local.xml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("safe", String.valueOf(SAFE));
        keys.put("passkey", PASSKEY);
        keys.put("delay", "0");
        keys.put("max-skew", "PT1H");
        keys.put("messages", "3");
        keys.put("language", "en");
        keys.put("rates.url", rates.toUri().toString());
        keys.put("data.dir", engine.warDataDir(Side.WAR).toString());
        Path mounted = engine.probesWar() ? probeClasses : null;
        if (options.webhook()) {
            // the same WAR with the webhook on, a database of its own
            Map<String, String> hookKeys = new LinkedHashMap<>(keys);
            hookKeys.put("data.dir", engine.warDataDir(Side.HOOK).toString());
            hookKeys.put("webhook.url", receiver.url().toString());
            hookKeys.put("webhook.secret", WEBHOOK_SECRET);
            tomcat.otherContext(Side.HOOK.context, DemoTomcat.warContext(options.war(), hookKeys, mounted,
                    engine.warContextExtras(Side.HOOK)));
        }
        long start = System.nanoTime();
        tomcat.start(options.war(), keys, mounted, Map.of(),
                ProcessBuilder.Redirect.appendTo(engine.dir.resolve("tomcat.log").toFile()));
        if (!tomcat.awaitReady(timeout) || !answers("/baseline/result", 400, Duration.ofMinutes(1))
                || options.webhook() && !answers("/" + Side.HOOK.context + "/", 200, timeout)) {
            throw new IllegalStateException("Tomcat did not start every application; see "
                    + engine.dir.resolve("tomcat.log"));
        }
        log(engine.name() + ": Tomcat started with the WAR and the baseline in "
                + seconds(Duration.ofNanos(System.nanoTime() - start)) + " (" + tomcat.contextFile() + ")");
    }

    /** Whether {@code path} answers {@code status} within the time: an application has started. */
    private boolean answers(String path, int status, Duration timeout) throws InterruptedException {
        Http http = new Http(base);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.get(path).status() == status) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        return false;
    }

    private String baselineContext() {
        String parameters = Map.of("baseline.safe", String.valueOf(SAFE), "baseline.passkey", PASSKEY,
                        "baseline.max-skew-seconds", "3600", "baseline.delay-seconds", "0",
                        "baseline.messages", "lt:" + SignedRequests.NEW_PHONES + "=3,lt:" + SignedRequests.OPEN_SESSIONS
                                + "=100,lt:" + Prefill.CLOSED_SESSIONS + "=" + options.prefillMessages(),
                        "baseline.default-messages", "3").entrySet().stream()
                .map(e -> "  <Parameter name=\"" + e.getKey() + "\" value=\"" + DemoTomcat.xml(e.getValue())
                        + "\" override=\"false\"/>")
                .sorted().reduce((a, b) -> a + "\n" + b).orElse("");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the benchmark (mvn -Pbench package): the minimal JDBC baseline beside the WAR. -->
                <Context docBase="%s">
                %s
                %s
                </Context>
                """.formatted(DemoTomcat.xml(baselineWar.toString()), parameters, engine.baselineDatabase());
    }

    /** The JVM of the running Tomcat: {@code catalina.sh run} execs it, with {@code -Dcatalina.base}. */
    private long tomcatPid() {
        String baseOption = "-Dcatalina.base=" + engine.dir.resolve("tomcat");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(baseOption)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    private void stopTomcat() {
        if (tomcat != null) {
            tomcat.close();
            tomcat = null;
        }
    }

    /** Stops Tomcat and the database server, also on Ctrl+C. */
    private synchronized void stopAll() {
        stopTomcat();
        if (engine != null) {
            engine.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private Path writeRates(Path file) throws IOException {
        String providers = provider(SignedRequests.NEW_PHONES, "Benchmark, new phones", 3)
                + provider(SignedRequests.OPEN_SESSIONS, "Benchmark, open sessions", 100)
                + provider(Prefill.CLOSED_SESSIONS, "Benchmark, scenario 3's closed sessions",
                        options.prefillMessages())
                + provider(SignedRequests.CLOSING, "Benchmark, paid by one message", 1);
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- The benchmark's rates: N = 3 for scenario 1's new phones, N = 100 (the most there is) for the
                     sessions of scenarios 2 and 3, which must stay open, the N of scenario 3's stored ones, and N = 1
                     for the webhook comparison's sessions that close at their first message. -->
                <rates safe="%d" generated="%s">
                  <country code="lt" name="Lithuania">
                %s  </country>
                </rates>
                """.formatted(SAFE, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), providers));
        return file;
    }

    /** One operator of the benchmark's rates: the benchmark's shortcode and price, N = {@code messages}. */
    private static String provider(String code, String name, int messages) {
        return """
                    <provider code="%s" name="%s">
                      <shortcode>%s</shortcode>
                      <prefix>SAFE</prefix>
                      <price currency="EUR" vat="included">%s</price>
                      <messages>%d</messages>
                    </provider>
                """.formatted(code, DemoTomcat.xml(name), SignedRequests.SHORTCODE, SignedRequests.COST, messages);
    }

    private void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static void requirePortFree(int port) {
        try (java.net.ServerSocket ignored = new java.net.ServerSocket(port)) {
            // free
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use: choose another with -Dbench.port=…");
        }
    }

    private static String memory() {
        try {
            String total = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D", "");
            return String.format("%.0f GiB", Long.parseLong(total) / 1024.0 / 1024.0);
        } catch (IOException | RuntimeException e) {
            return "memory unknown";
        }
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    static String minutes(Duration duration) {
        return String.format("%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }

    private static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
