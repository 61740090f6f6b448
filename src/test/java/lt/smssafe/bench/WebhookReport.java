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
 */
record WebhookReport(String engine, BenchOptions options, List<RoundResult> warmups, List<Pair> rounds,
        String loadBefore, String loadAfter) {

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
        return warmups.stream().allMatch(RoundResult::valid)
                && rounds.stream().allMatch(p -> p.off().valid() && p.on().valid());
    }

    private double median(ToDoubleFunction<Pair> value) {
        return Report.median(rounds.stream().mapToDouble(value).toArray());
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("### Webhook off / on, %s: every message from a new phone, one in %d closing its"
                + " session (load average %s before, %s after; %d warm-up rounds)%n%n", engine,
                options.closingEvery(), loadBefore, loadAfter, warmups.size()));
        out.append("| round | `/result` off req/s | on req/s | on / off | p99 off / on ms | sessions closed (on)"
                + " | events delivered once | deliveries/s, first to last arrival | after the load | close → arrival"
                + " ms, median / p99 | webhook run, claim → done ms | off: logging action runs/s | off: close → done"
                + " ms |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Pair p : rounds) {
            Deliveries on = p.onDeliveries();
            Deliveries off = p.offDeliveries();
            out.append(String.format("| %d | %.0f | %.0f | %.2f | %.0f / %.0f | %d | %d | %.0f | %.0f | %s | %s | %.0f"
                    + " | %s |%s%n", p.round(), p.off().rate(), p.on().rate(), p.ratio(), p.off().p99Millis(),
                    p.on().p99Millis(), on.closed(), on.events(), on.eventsPerSecond(), on.drainPerSecond(),
                    on.arrivalLag(), on.service(), off.runsPerSecond(), off.doneLag(),
                    p.off().valid() && p.on().valid() ? "" : " INVALID"));
        }
        double perSecond = median(p -> p.onDeliveries().eventsPerSecond());
        out.append(String.format("%n`/result` with the webhook on / off (median of the rounds' ratios): **%.2f**;"
                + " deliveries: **%.0f events/s** from the first arrival to the last (%.1f ms per event; after the"
                + " load %.0f/s), close → arrival %.0f ms median, %.0f ms p99 (medians of the rounds); %d events in"
                + " the measured rounds, each closed session's exactly once%n", median(Pair::ratio), perSecond,
                1000 / perSecond, median(p -> p.onDeliveries().drainPerSecond()),
                median(p -> p.onDeliveries().arrivalLag().median()), median(p -> p.onDeliveries().arrivalLag().p99()),
                rounds.stream().mapToLong(p -> p.onDeliveries().events()).sum()));
        if (!valid()) {
            List<String> problems = new ArrayList<>();
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
