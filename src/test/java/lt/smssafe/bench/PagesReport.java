package lt.smssafe.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages scenario's result on one database (issue 23): the page table, the CSV export, and {@code /result}'s
 * throughput with and without an admin browsing beside it.
 *
 * @param rows the rows the prefill wrote
 * @param mixed the measured rounds of the mixed load, in the order run
 * @param browsingFailures page loads of the browsing loop that did not answer 200
 */
record PagesReport(String engine, long closed, int open, long rows, Duration prefill, Duration startUp,
        List<PageTimings.Timing> timings, List<String> warmFailures, PageTimings.CsvExport csv,
        List<MixedPair> mixed, List<String> browsingFailures, String loadBefore, String loadAfter) {

    /** One ABBA pair of the mixed load: the same round without and with the admin browsing. */
    record MixedPair(RoundResult quiet, RoundResult browsing, long pageLoads) {
        double ratio() {
            return browsing.rate() / quiet.rate();
        }
    }

    boolean valid() {
        return warmFailures.isEmpty() && browsingFailures.isEmpty() && csv.status() == 200
                && timings.stream().allMatch(t -> t.failures().isEmpty())
                && mixed.stream().allMatch(p -> p.quiet().valid() && p.browsing().valid());
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>(warmFailures);
        timings.forEach(t -> problems.addAll(t.failures()));
        if (csv.status() != 200) {
            problems.add(csv.path() + " -> " + csv.status());
        }
        problems.addAll(browsingFailures);
        mixed.forEach(p -> {
            problems.addAll(p.quiet().problems());
            problems.addAll(p.browsing().problems());
        });
        return problems;
    }

    double medianRatio() {
        return Report.median(mixed.stream().mapToDouble(MixedPair::ratio).toArray());
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("### Admin pages on %s: %,d closed sessions, %,d open (prefill of %,d rows %s,"
                + " Tomcat start %s; load average %s before, %s after)%n%n", engine, closed, open, rows,
                Benchmark.seconds(prefill), Benchmark.seconds(startUp), loadBefore, loadAfter));
        int tries = timings.isEmpty() ? 0 : timings.get(0).millis().length;
        out.append(String.format("| page | median ms | worst ms (of %d) | rows read |%n", tries));
        out.append("| --- | ---: | ---: | ---: |\n");
        for (PageTimings.Timing t : timings) {
            out.append(String.format("| %s | %.0f | %d | %s |%s%n", t.page().label(), t.median(),
                    t.worst(), t.rows(), t.failures().isEmpty() ? "" : " INVALID: " + t.failures()));
        }
        out.append('\n');
        out.append(String.format("CSV `%s`: %s, %,d rows, %.1f MB in %.1f s = **%,.0f rows/s**, first byte after"
                + " %.0f ms; Tomcat's heap: old generation after a full GC %.1f MB before, %.1f MB after (growth"
                + " **%+.1f MB**), at most %.1f MB in use while it streamed%n%n", csv.path(), csv.status(), csv.rows(),
                csv.bytes() / 1e6, csv.seconds(), csv.rowsPerSecond(), csv.firstByteMillis(), csv.oldBefore(),
                csv.oldAfter(), csv.oldAfter() - csv.oldBefore(), csv.peakUsed()));
        if (!mixed.isEmpty()) {
            out.append("| mixed load round | `/result` req/s alone | with an admin browsing | page loads meanwhile"
                    + " | ratio |\n| --- | ---: | ---: | ---: | ---: |\n");
            int r = 1;
            for (MixedPair p : mixed) {
                out.append(String.format("| %d | %.0f | %.0f | %d | %.2f |%s%n", r++, p.quiet().rate(),
                        p.browsing().rate(), p.pageLoads(), p.ratio(), p.quiet().valid() && p.browsing().valid() ? ""
                                : " INVALID"));
            }
            out.append(String.format("%n`/result` with an admin browsing / alone (median of the rounds' ratios):"
                    + " **%.2f**%n", medianRatio()));
        }
        if (!valid()) {
            out.append("\nINVALID: ").append(problems()).append('\n');
        }
        return out.toString();
    }
}
