package lt.smssafe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A bulk load's drop and re-creation of H2's secondary indexes leaves the tables as they were, primary keys kept. */
class H2SecondaryIndexesTest {
    private static final List<String> TABLES = List.of("parent", "child");

    @Test
    void droppingAndCreatingAgainGivesTheSameScriptAndKeepsThePrimaryKeys() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:indexes");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parent (id BIGINT PRIMARY KEY, code VARCHAR(8) NOT NULL,"
                    + " CONSTRAINT uk_parent_code UNIQUE (code))");
            s.execute("CREATE TABLE child (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL, at BIGINT,"
                    + " CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id))");
            s.execute("CREATE INDEX ix_child_at ON child (at)");
            List<String> before = script(s);

            H2SecondaryIndexes indexes = H2SecondaryIndexes.of(before);
            for (String drop : indexes.drop()) {
                s.execute(drop);
            }
            List<String> dropped = script(s);
            for (String create : indexes.create()) {
                s.execute(create);
            }

            assertThat(indexes.drop()).hasSize(3);
            assertThat(indexes.drop().get(0)).contains("FK_CHILD_PARENT");
            assertThat(indexes.create().get(indexes.create().size() - 1)).contains("FOREIGN KEY");
            assertThat(String.join("\n", dropped)).contains("PRIMARY KEY").doesNotContain("UK_PARENT_CODE",
                    "FK_CHILD_PARENT", "IX_CHILD_AT");
            assertThat(script(s)).containsExactlyInAnyOrderElementsOf(before);
        }
    }

    private static List<String> script(Statement s) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (ResultSet r = s.executeQuery(H2SecondaryIndexes.script(TABLES))) {
            while (r.next()) {
                statements.add(r.getString(1));
            }
        }
        return statements;
    }
}
