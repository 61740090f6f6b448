package lt.smssafe.bench;

import java.util.List;
import java.util.Optional;

/**
 * One side's round: what wrk measured, what was stored, what the database did, and what was wrong with it.
 *
 * @param round 0 for the warm-up, then 1, 2, …
 * @param stored messages of this round found in the side's table afterwards
 * @param cores cores busy during the round: the machine's, Tomcat's, the database server's (NaN where unknown),
 *     wrk's, and what was left: the other processes on the machine
 * @param jitSeconds how long Tomcat's JIT compilers worked during the round (NaN where unknown)
 * @param deliveries in the webhook comparison: what became of the payment actions the round owed
 * @param problems why the round is invalid; empty when every 200 was stored once and nothing else was (and, in the
 *     webhook comparison, every closed session had its one run and its one event)
 */
record RoundResult(Side side, int round, Wrk.Result wrk, long stored, Optional<Engine.UserStatistics> statistics,
        double[] cores, double jitSeconds, Optional<Deliveries> deliveries, List<String> problems) {

    boolean valid() {
        return problems.isEmpty();
    }

    double rate() {
        return wrk.rate();
    }

    double p50Millis() {
        return wrk.p50Micros() / 1000.0;
    }

    double p99Millis() {
        return wrk.p99Micros() / 1000.0;
    }

    /**
     * CPU milliseconds per answer that Tomcat and the database server spent (on H2 the database is inside Tomcat):
     * how much work a request costs, whatever else the machine was doing.
     */
    double cpuMillisPerAnswer() {
        double cores = this.cores[1] + (Double.isNaN(this.cores[2]) ? 0 : this.cores[2]);
        return cores * 1000 / rate();
    }

    /** Cores the machine's other processes took during the round. */
    double otherCores() {
        return cores[4];
    }

    /** The round as one line of the benchmark's log. */
    String line() {
        StringBuilder line = new StringBuilder(String.format("%-8s r%d %7.0f req/s  p50 %6.1f ms  p99 %6.1f ms"
                + "  200: %d  stored: %d (+%d of %d in flight)", side.label, round, rate(), p50Millis(),
                p99Millis(), wrk.ok(), stored, Math.max(0, stored - wrk.ok()), wrk.unanswered()));
        line.append(String.format("  cores: machine %.2f = tomcat %.2f", cores[0], cores[1]));
        if (!Double.isNaN(cores[2])) {
            line.append(String.format(" + mariadbd %.2f", cores[2]));
        }
        line.append(String.format(" + wrk %.2f + others %.2f (%.2f ms cpu per answer, jit %.1f s)", cores[3],
                cores[4], cpuMillisPerAnswer(), jitSeconds));
        statistics.filter(s -> stored > 0).ifPresent(s -> line.append(String.format(
                "  per message: %.1f statements, %.1f rows read, %.2f ms db busy", (double) s.statements() / stored,
                (double) s.rowsRead() / stored, s.busySeconds() * 1000 / stored)));
        deliveries.ifPresent(d -> line.append("\n    ").append(d.line()));
        line.append(valid() ? "  valid" : "  INVALID: " + String.join("; ", problems));
        return line.toString();
    }
}
