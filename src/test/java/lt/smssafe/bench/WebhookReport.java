package lt.smssafe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The webhook comparison's result on one database (issue 25): {@code /result}'s throughput with the webhook off and
 * on, in ABBA rounds, and what the deliveries cost: events per second, the runner's time per event, and the lag from
 * a session's close to its event's arrival.
 *
 * @param rounds the measured rounds, in the order run
 * @param offAtRest the logging action's runs of sessions closed one at a time after the rounds
 * @param onAtRest the webhook's runs and events of sessions closed one at a time after the rounds
 * @param problems what was wrong with those
 */
record WebhookReport(String engine, BenchOptions options, List<RoundResult> warmups, List<Pair> rounds,
        Deliveries offAtRest, Deliveries onAtRest, List<String> problems, String loadBefore, String loadAfter) {

    /** One ABBA pair: the same round with the webhook off and on. */
    record Pair(int round, RoundResult off, RoundResult on) {
        double ratio() {
            return on.rate() / off.rate();
        }

        Deliveries offDeliveries() {
            return off.deliveries().orElseThrow();
        }

        Deliveries onDeliveries() {
            return on.deliveries().orElseThrow();
        }
    }

    boolean valid() {
        return problems.isEmpty() && warmups.stream().allMatch(RoundResult::valid)
                && rounds.stream().allMatch(p -> p.off().valid() && p.on().valid());
    }

    /** The median over the rounds, of those that have the value (a drain rate is NaN without a backlog). */
    private double median(ToDoubleFunction<Pair> value) {
        return Report.median(rounds.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray());
    }

    /** A rate per second, or a dash where there was nothing to drain. */
    private static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "—" : String.format("%.0f", perSecond);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("### Webhook off / on, %s: every message from a new phone, one in %d closing its"
                + " session (load average %s before, %s after; %d warm-up rounds)%n%n", engine,
                options.closingEvery(), loadBefore, loadAfter, warmups.size()));
        out.append("| round | `/result` off req/s | on req/s | **on / off** | p99 off / on ms | events, one per closed"
                + " session | of them owed when the load stopped | deliveries/s, first to last arrival | after the load"
                + " | webhook run, claim → done ms (median / p99) | close → arrival ms | off: logging action runs owed"
                + " when the load stopped, runs/s after it |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Pair p : rounds) {
            Deliveries on = p.onDeliveries();
            Deliveries off = p.offDeliveries();
            out.append(String.format("| %d | %.0f | %.0f | **%.2f** | %.0f / %.0f | %d | %d | %.0f | %s | %s | %s"
                    + " | %d, %s |%s%n", p.round(), p.off().rate(), p.on().rate(), p.ratio(), p.off().p99Millis(),
                    p.on().p99Millis(), on.events(), on.owedAtEnd(), on.eventsPerSecond(), rate(on.drainPerSecond()),
                    on.service(), on.arrivalLag(), off.owedAtEnd(), rate(off.drainPerSecond()),
                    p.off().valid() && p.on().valid() ? "" : " INVALID"));
        }
        double draining = median(p -> p.onDeliveries().drainPerSecond());
        double logging = median(p -> p.offDeliveries().drainPerSecond());
        out.append(String.format("%n`/result` with the webhook on / off (median of the rounds' ratios): **%.2f**.%n",
                median(Pair::ratio)));
        out.append(String.format("Deliveries (medians of the rounds): **%.0f events/s** while the backlog drained after"
                + " the load, **%.1f ms per event** (the logging action: %.0f runs/s, %.1f ms); %.0f/s from the first"
                + " arrival to the last; close → arrival %.0f ms median, %.0f ms p99 with the backlog; %d events in"
                + " the measured rounds, %s.%n", draining, 1000 / draining, logging,
                1000 / logging, median(p -> p.onDeliveries().eventsPerSecond()),
                median(p -> p.onDeliveries().arrivalLag().median()), median(p -> p.onDeliveries().arrivalLag().p99()),
                rounds.stream().mapToLong(p -> p.onDeliveries().events()).sum(), valid()
                        ? "each closed session's exactly once" : "NOT each closed session's exactly once (INVALID)"));
        out.append(String.format("At rest (%d sessions closed one at a time): close → arrival **%s ms** (median /"
                + " p99), the webhook run's claim → done %s ms; the logging action's close → done %s ms.%n",
                onAtRest.closed(), onAtRest.arrivalLag(), onAtRest.service(), offAtRest.doneLag()));
        if (!valid()) {
            List<String> problems = new ArrayList<>(this.problems);
            warmups.forEach(w -> problems.addAll(w.problems()));
            rounds.forEach(p -> {
                problems.addAll(p.off().problems());
                problems.addAll(p.on().problems());
            });
            out.append("\nINVALID: ").append(problems).append('\n');
        }
        return out.toString();
    }
}
