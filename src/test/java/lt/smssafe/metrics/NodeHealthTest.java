package lt.smssafe.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.Database.Readiness;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /health}'s verdict on one database that is not a Galera node: up, with the Galera readiness check asked
 * only where {@code wsrep_on} is ON (a plain MariaDB answers {@code wsrep_ready} OFF, which must not count), and down
 * once the database is gone. A Galera node that is not ready is {@code GaleraIT}'s.
 */
class NodeHealthTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDatabaseThatIsNotAGaleraNodeIsUpWithItsSchemaCurrent(TestDatabases kind) throws SQLException {
        database = kind.openMigrated();
        NodeHealth health = new NodeHealth(database, new SchemaMigrations(database.dataSource()), CLOCK);

        if (kind == TestDatabases.MARIADB) {
            assertThat(show("SHOW GLOBAL VARIABLES LIKE 'wsrep_on'")).as("a plain MariaDB").isIn("", "OFF");
        }
        assertThat(database.readiness()).isEqualTo(Readiness.UP);
        assertThat(health.check()).isEqualTo(new NodeHealth.Verdict(Readiness.UP, true));
        assertThat(health.check().up()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDatabaseThatIsGoneIsDown(TestDatabases kind) {
        database = kind.openMigrated();
        NodeHealth health = new NodeHealth(database, new SchemaMigrations(database.dataSource()), CLOCK);
        assertThat(health.check().up()).isTrue();

        Database gone = database;
        database = null;
        gone.close();

        assertThat(health.check()).isEqualTo(new NodeHealth.Verdict(Readiness.DOWN, false));
    }

    private String show(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(2) : "";
        }
    }
}
