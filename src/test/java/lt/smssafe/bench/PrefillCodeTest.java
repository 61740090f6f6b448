package lt.smssafe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages scenario opens {@code /payment?code=} and {@code /check?session=} with a code it computes
 * ({@link Prefill#codeOf}); it must be the code the prefill's SQL wrote into that row.
 */
class PrefillCodeTest {
    @TempDir
    Path dir;

    @Test
    void theComputedCodeIsTheOneTheSqlWrites() throws Exception {
        H2Engine engine = new H2Engine(dir, 0);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:codes");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT n, " + Prefill.code(engine, "n") + " FROM ("
                        + engine.series(0, 2000) + ") t UNION ALL SELECT 499999, " + Prefill.code(engine, "499999")
                        + " UNION ALL SELECT 1020999, " + Prefill.code(engine, "1020999"))) {
            int rows = 0;
            while (r.next()) {
                assertThat(Prefill.codeOf(r.getLong(1))).as("row %d", r.getLong(1)).isEqualTo(r.getString(2));
                rows++;
            }
            assertThat(rows).isEqualTo(2003);
        }
    }
}
