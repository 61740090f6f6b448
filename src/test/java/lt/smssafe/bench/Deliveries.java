package lt.smssafe.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What became of the payment actions that one round of the webhook comparison owed, read after the round once every
 * run has succeeded: by SQL on the side's {@code smssafe_action_run} (the runner's own record of each run) and, with
 * the webhook on, from the {@link WebhookReceiver}. Every session the round closed must have had exactly one run and,
 * with the webhook on, exactly one event delivered: a missing, repeated or unknown one makes the round invalid.
 *
 * @param closed sessions the round closed
 * @param owedAtEnd runs not yet done when the load stopped: the backlog the runner drained afterwards
 * @param retried runs that needed more than one attempt
 * @param service per run, from its claim to its success being recorded (the runner's {@code last_attempt_at} to
 *     {@code succeeded_at}), ms: what one run costs the runner, besides the batch look-up and the claim itself
 * @param doneLag per run, from the session's close to the run's success being recorded, ms
 * @param runsPerSecond runs done per second from the first to the last
 * @param events events delivered (with the webhook on; 0 off)
 * @param eventsPerSecond deliveries per second from the first arrival to the last
 * @param drainPerSecond deliveries (off: runs) per second after the load stopped, while the backlog drained; NaN
 *     without a backlog
 * @param arrivalLag per event, from the session's close ({@code closedAt}) to its arrival at the receiver, ms
 * @param drained from the load's end to the last run done (or event arrived)
 */
record Deliveries(long closed, long owedAtEnd, long retried, Percentiles service, Percentiles doneLag,
        double runsPerSecond, long events, double eventsPerSecond, double drainPerSecond, Percentiles arrivalLag,
        Duration drained) {

    /** The median and 99th percentile of some times in milliseconds (nearest rank); NaN of none. */
    record Percentiles(double median, double p99) {
        static Percentiles of(double[] millis) {
            if (millis.length == 0) {
                return new Percentiles(Double.NaN, Double.NaN);
            }
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return new Percentiles(rank(sorted, 0.5), rank(sorted, 0.99));
        }

        private static double rank(double[] sorted, double p) {
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
        }

        @Override
        public String toString() {
            return millis(median) + " / " + millis(p99);
        }

        private static String millis(double value) {
            return String.format(value < 100 ? "%.1f" : "%.0f", value);
        }
    }

    /** How long to wait for the runs of a round to be done before the round is invalid. */
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(15);

    /** Where a side's tables and the receiver stood before a round: the check reads what came after. */
    record Mark(long lastRun, long lastSession, int arrivals) {
    }

    /** The mark before a round of {@code side}; {@code receiver} is null with the webhook off. */
    static Mark mark(Engine engine, Side side, WebhookReceiver receiver) throws Exception {
        List<String> row = engine.query(side, "SELECT (SELECT COALESCE(MAX(id), 0) FROM smssafe_action_run),"
                + " (SELECT COALESCE(MAX(id), 0) FROM smssafe_session)").get(0);
        return new Mark(Long.parseLong(row.get(0)), Long.parseLong(row.get(1)),
                receiver == null ? 0 : receiver.count());
    }

    /**
     * Waits until every run is done (at most {@link #DRAIN_LIMIT}), then reads the round's runs and events and adds
     * what is wrong to {@code problems}.
     *
     * @param loadEnd when wrk stopped
     * @param receiver null with the webhook off
     */
    static Deliveries check(Engine engine, Side side, WebhookReceiver receiver, Mark mark, Instant loadEnd,
            List<String> problems) throws Exception {
        String owed = "SELECT COUNT(*) FROM smssafe_action_run WHERE succeeded_at IS NULL";
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        long left = Long.parseLong(engine.query(side, owed).get(0).get(0));
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            left = Long.parseLong(engine.query(side, owed).get(0).get(0));
        }
        if (left > 0) {
            problems.add(left + " payment actions still owed " + DRAIN_LIMIT.toMinutes() + " min after the round");
        }
        Set<String> closed = new HashSet<>();
        for (List<String> row : engine.query(side, "SELECT code FROM smssafe_session WHERE id > "
                + mark.lastSession() + " AND closed_at IS NOT NULL")) {
            closed.add(row.get(0));
        }
        List<List<String>> runs = engine.query(side, "SELECT reference, created_at, last_attempt_at, succeeded_at,"
                + " attempts FROM smssafe_action_run WHERE id > " + mark.lastRun() + " AND succeeded_at IS NOT NULL");
        Map<String, Integer> runsPerCode = new HashMap<>();
        double[] service = new double[runs.size()];
        double[] doneLag = new double[runs.size()];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long retried = 0;
        long afterEnd = 0;
        long end = loadEnd.toEpochMilli();
        for (int i = 0; i < runs.size(); i++) {
            List<String> run = runs.get(i);
            runsPerCode.merge(run.get(0), 1, Integer::sum);
            long created = Long.parseLong(run.get(1));
            long attempted = Long.parseLong(run.get(2));
            long succeeded = Long.parseLong(run.get(3));
            service[i] = succeeded - attempted;
            doneLag[i] = succeeded - created;
            first = Math.min(first, succeeded);
            last = Math.max(last, succeeded);
            retried += Integer.parseInt(run.get(4)) > 1 ? 1 : 0;
            afterEnd += succeeded > end ? 1 : 0;
        }
        compare(problems, "payment action runs", closed, runsPerCode);
        double runsPerSecond = runs.size() < 2 ? Double.NaN : (runs.size() - 1) * 1000.0 / Math.max(1, last - first);
        if (receiver == null) {
            return new Deliveries(closed.size(), afterEnd, retried, Percentiles.of(service), Percentiles.of(doneLag),
                    runsPerSecond, 0, Double.NaN, afterEnd == 0 ? Double.NaN : afterEnd * 1000.0 / Math.max(1,
                            last - end), Percentiles.of(new double[0]),
                    Duration.ofMillis(Math.max(0, runs.isEmpty() ? 0 : last - end)));
        }
        List<WebhookReceiver.Event> events = receiver.since(mark.arrivals());
        Map<String, Integer> eventsPerCode = new HashMap<>();
        double[] arrivalLag = new double[events.size()];
        Instant firstArrival = null;
        Instant lastArrival = null;
        long arrivedAfterEnd = 0;
        for (int i = 0; i < events.size(); i++) {
            WebhookReceiver.Event event = events.get(i);
            eventsPerCode.merge(event.code(), 1, Integer::sum);
            arrivalLag[i] = event.closedAt() == null ? Double.NaN
                    : Duration.between(event.closedAt(), event.arrived()).toNanos() / 1e6;
            firstArrival = firstArrival == null || event.arrived().isBefore(firstArrival) ? event.arrived()
                    : firstArrival;
            lastArrival = lastArrival == null || event.arrived().isAfter(lastArrival) ? event.arrived() : lastArrival;
            arrivedAfterEnd += event.arrived().isAfter(loadEnd) ? 1 : 0;
        }
        compare(problems, "webhook events", closed, eventsPerCode);
        double eventsPerSecond = events.size() < 2 ? Double.NaN
                : (events.size() - 1) / seconds(Duration.between(firstArrival, lastArrival));
        Duration drained = lastArrival == null || lastArrival.isBefore(loadEnd) ? Duration.ZERO
                : Duration.between(loadEnd, lastArrival);
        return new Deliveries(closed.size(), afterEnd, retried, Percentiles.of(service), Percentiles.of(doneLag),
                runsPerSecond, events.size(), eventsPerSecond, arrivedAfterEnd == 0 ? Double.NaN
                        : arrivedAfterEnd / seconds(drained), Percentiles.of(arrivalLag), drained);
    }

    /** Exactly one of {@code what} for each closed session's code, and none for another code. */
    private static void compare(List<String> problems, String what, Set<String> closed, Map<String, Integer> found) {
        long missing = closed.stream().filter(code -> !found.containsKey(code)).count();
        long repeated = found.entrySet().stream().filter(e -> closed.contains(e.getKey()) && e.getValue() > 1).count();
        List<String> unknown = new ArrayList<>(found.keySet());
        unknown.removeAll(closed);
        if (missing > 0) {
            problems.add(what + ": " + missing + " of the " + closed.size() + " sessions closed have none");
        }
        if (repeated > 0) {
            problems.add(what + ": " + repeated + " sessions have more than one");
        }
        if (!unknown.isEmpty()) {
            problems.add(what + ": " + unknown.size() + " for sessions this round did not close, e.g. "
                    + unknown.get(0));
        }
    }

    private static double seconds(Duration duration) {
        return Math.max(1, duration.toNanos()) / 1e9;
    }

    /** The round's deliveries as a part of its line in the benchmark's log. */
    String line() {
        StringBuilder line = new StringBuilder(String.format("%d sessions closed, %d runs owed when the load stopped,"
                + " drained %.1f s later; runs: %.0f/s, %s ms from claim to done, %s ms from close to done (median /"
                + " p99), %d retried", closed, owedAtEnd, drained.toMillis() / 1000.0, runsPerSecond, service, doneLag,
                retried));
        if (events > 0) {
            line.append(String.format("; webhook: %d events, %.0f/s first to last arrival, %.0f/s after the load,"
                    + " %s ms from close to arrival", events, eventsPerSecond, drainPerSecond, arrivalLag));
        }
        return line.toString();
    }
}
