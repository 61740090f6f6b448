package lt.smssafe.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The benchmark's results and their table: medians per side, medians of the per-round ratios. */
final class Report {
    static final List<String> SCENARIOS = List.of("every message from a new phone",
            "messages of open sessions (%d phones)", "the same with %d closed sessions stored");

    /** One measured round of both sides. */
    record RoundPair(int round, RoundResult war, RoundResult baseline) {
    }

    /** One scenario on one database. */
    record ScenarioResult(String engine, int scenario, List<RoundResult> warmups, List<RoundPair> rounds,
            Duration prefill, String loadBefore, String loadAfter, Map<Side, String> statements) {

        boolean valid() {
            return warmups.stream().allMatch(RoundResult::valid)
                    && rounds.stream().allMatch(p -> p.war().valid() && p.baseline().valid());
        }

        double median(Side side, ToDoubleFunction<RoundResult> value) {
            return Report.median(rounds.stream().mapToDouble(p -> value.applyAsDouble(side == Side.WAR ? p.war()
                    : p.baseline())).toArray());
        }

        double medianRatio(ToDoubleFunction<RoundResult> value) {
            return Report.median(rounds.stream().mapToDouble(p -> value.applyAsDouble(p.war())
                    / value.applyAsDouble(p.baseline())).toArray());
        }
    }

    private final BenchOptions options;
    private final List<ScenarioResult> results = new ArrayList<>();

    Report(BenchOptions options) {
        this.options = options;
    }

    void add(ScenarioResult result) {
        results.add(result);
    }

    boolean valid() {
        return results.stream().allMatch(ScenarioResult::valid);
    }

    String table(Duration took) {
        StringBuilder out = new StringBuilder();
        out.append("sms:safe benchmark, ").append(options).append("; whole run ").append(Benchmark.minutes(took))
                .append("\n\n");
        out.append("| scenario | db | WAR req/s | baseline req/s | ratio | WAR p50 / p99 ms | baseline p50 / p99 ms"
                + " | p99 ratio | rounds |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (ScenarioResult r : results) {
            out.append(String.format("| %d. %s | %s | %.0f | %.0f | **%.2f** | %.1f / %.1f | %.1f / %.1f | %.2f | %s |%n",
                    r.scenario(), scenario(r.scenario()), r.engine(), r.median(Side.WAR, RoundResult::rate),
                    r.median(Side.BASELINE, RoundResult::rate), r.medianRatio(RoundResult::rate),
                    r.median(Side.WAR, RoundResult::p50Millis), r.median(Side.WAR, RoundResult::p99Millis),
                    r.median(Side.BASELINE, RoundResult::p50Millis), r.median(Side.BASELINE, RoundResult::p99Millis),
                    r.medianRatio(RoundResult::p99Millis), r.rounds().size() + (r.valid() ? " valid" : " INVALID")));
        }
        List<String> flat = new ArrayList<>();
        for (String engine : results.stream().map(ScenarioResult::engine).distinct().toList()) {
            Optional<ScenarioResult> open = find(engine, 2);
            Optional<ScenarioResult> scale = find(engine, 3);
            if (open.isPresent() && scale.isPresent()) {
                flat.add(String.format("| %s | %.0f / %.0f = **%.2f** | %.0f / %.0f = %.2f |", engine,
                        scale.get().median(Side.WAR, RoundResult::rate), open.get().median(Side.WAR, RoundResult::rate),
                        scale.get().median(Side.WAR, RoundResult::rate) / open.get().median(Side.WAR, RoundResult::rate),
                        scale.get().median(Side.BASELINE, RoundResult::rate),
                        open.get().median(Side.BASELINE, RoundResult::rate),
                        scale.get().median(Side.BASELINE, RoundResult::rate)
                                / open.get().median(Side.BASELINE, RoundResult::rate)));
            }
        }
        if (!flat.isEmpty()) {
            out.append("\nFlat at scale: req/s of scenario 3 / scenario 2\n\n| db | WAR | baseline |\n| --- | ---: | ---: |\n");
            flat.forEach(line -> out.append(line).append('\n'));
        }
        out.append("\nCPU per answer (ms of Tomcat + database server; on H2 the database is inside Tomcat), medians:"
                + " less sensitive than req/s to what else the machine runs\n\n| scenario | db | WAR | baseline |"
                + " baseline / WAR |\n| --- | --- | ---: | ---: | ---: |\n");
        for (ScenarioResult r : results) {
            out.append(String.format("| %d | %s | %.2f | %.2f | %.2f |%n", r.scenario(), r.engine(),
                    r.median(Side.WAR, RoundResult::cpuMillisPerAnswer),
                    r.median(Side.BASELINE, RoundResult::cpuMillisPerAnswer),
                    r.median(Side.BASELINE, RoundResult::cpuMillisPerAnswer)
                            / r.median(Side.WAR, RoundResult::cpuMillisPerAnswer)));
        }
        List<ScenarioResult> withStatistics = results.stream()
                .filter(r -> r.rounds().get(0).war().statistics().isPresent()).toList();
        if (!withStatistics.isEmpty()) {
            out.append("\nPer message stored on MariaDB (USER_STATISTICS, medians): statements, rows read, time busy"
                    + " in the database\n\n| scenario | WAR | baseline |\n| --- | --- | --- |\n");
            for (ScenarioResult r : withStatistics) {
                out.append(String.format("| %d | %s | %s |%n", r.scenario(), perAnswer(r, Side.WAR),
                        perAnswer(r, Side.BASELINE)));
            }
        }
        for (ScenarioResult r : results) {
            for (Map.Entry<Side, String> logged : r.statements().entrySet()) {
                out.append(String.format("%nStatements of %s in scenario %d (%s, general log): %s%n",
                        logged.getKey().label, r.scenario(), r.engine(), logged.getValue()));
            }
        }
        out.append("\nRounds alternate WAR and baseline (ABBA), each ").append(options.round().toSeconds())
                .append(" s of wrk -t").append(options.threads()).append(" -c").append(options.connections())
                .append("; ratio = median of the per-round ratios (WAR / baseline).\n");
        for (ScenarioResult r : results) {
            out.append(String.format("%s scenario %d: load average %s before, %s after; %d warm-up rounds; during the"
                    + " measured rounds (medians, WAR / baseline) Tomcat used %.2f / %.2f cores, other processes"
                    + " %.2f / %.2f of the 2, the JIT compiled %.1f / %.1f s%s%n", r.engine(), r.scenario(),
                    r.loadBefore(), r.loadAfter(), r.warmups().size(), r.median(Side.WAR, x -> x.cores()[1]),
                    r.median(Side.BASELINE, x -> x.cores()[1]), r.median(Side.WAR, RoundResult::otherCores),
                    r.median(Side.BASELINE, RoundResult::otherCores), r.median(Side.WAR, RoundResult::jitSeconds),
                    r.median(Side.BASELINE, RoundResult::jitSeconds), r.prefill().isZero() ? ""
                            : "; prefill " + Benchmark.seconds(r.prefill())));
        }
        out.append(valid() ? "All rounds valid: every 200 stored once, nothing else stored.\n"
                : "INVALID: some rounds answered other than 200 or stored what they did not answer (see the log).\n");
        return out.toString();
    }

    /** Statistics per message stored (the 200 answers and those still in flight when wrk stopped). */
    private String perAnswer(ScenarioResult r, Side side) {
        ToDoubleFunction<RoundResult> statements = x -> (double) x.statistics().get().statements() / x.stored();
        ToDoubleFunction<RoundResult> rows = x -> (double) x.statistics().get().rowsRead() / x.stored();
        ToDoubleFunction<RoundResult> busy = x -> x.statistics().get().busySeconds() * 1000 / x.stored();
        return String.format("%.1f statements, %.1f rows read, %.2f ms", r.median(side, statements),
                r.median(side, rows), r.median(side, busy));
    }

    private String scenario(int scenario) {
        return scenario(scenario, options);
    }

    /** What the scenario is, with the options' numbers. */
    static String scenario(int scenario, BenchOptions options) {
        return String.format(SCENARIOS.get(scenario - 1), scenario == 2 ? options.phones() : options.closedSessions());
    }

    private Optional<ScenarioResult> find(String engine, int scenario) {
        return results.stream().filter(r -> r.engine().equals(engine) && r.scenario() == scenario).findFirst();
    }

    /** The statements of a general-log round per message: "4.0 set autocommit=0, 2.0 select smssafe_message, …". */
    static String statements(List<List<String>> kinds, long answers) {
        long total = kinds.stream().mapToLong(row -> Long.parseLong(row.get(1))).sum();
        return String.format("%.1f statements per message: ", (double) total / Math.max(1, answers))
                + kinds.stream().map(row -> String.format("%.1f %s", Long.parseLong(row.get(1)) / (double) Math.max(1,
                        answers), row.get(0))).collect(Collectors.joining(", "));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
