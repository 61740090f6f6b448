package lt.smssafe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile's summary puts each sample on the side whose request it was, per 1,000 of that side's answers. */
class ProfilerSummaryTest {
    @Test
    void samplesAreCountedOnTheirSidePerThousandAnswersAndSharedThreadsApart(@TempDir Path dir) throws Exception {
        Path collapsed = dir.resolve("s2.collapsed");
        Files.write(collapsed, List.of(
                "[http-nio-8180-exec-1 tid=11];lt/smssafe/web/GatewayServlet.doPost;org/h2/command/dml/Update.update 30",
                "[http-nio-8180-exec-2 tid=12];lt/smssafe/web/GatewayServlet.doPost;org/hibernate/Session.x 10",
                "[http-nio-8180-exec-3 tid=13];lt/smssafe/bench/baseline/BaselineServlet.doPost;"
                        + "org/h2/command/dml/MergeUsing.update 8",
                "[GC Thread#0 tid=4];GCTaskThread::run 7",
                "[GC Thread#1 tid=5];GCTaskThread::run 3",
                "[MVStore background writer /x/war-data/smssafe.mv.db tid=9];org/h2/mvstore/MVStore.x 2"));

        List<String> summary = Profiler.summary(collapsed, 2_000, 4_000);

        assertThat(summary).contains("| all of the request | 20.0 | 2.0 |", "| H2: UPDATE | 15.0 | 0.0 |",
                "| H2: MERGE | 0.0 | 2.0 |", "| Hibernate | 5.0 | 0.0 |", "| [GC Thread##] | 10 |",
                "| [MVStore background writer /x/war-data/smssafe.mv.db] | 2 |");
    }
}
