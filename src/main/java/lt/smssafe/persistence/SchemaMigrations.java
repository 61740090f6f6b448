package lt.smssafe.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database schema's versioned migrations ({@code db/migration/V*.sql}), applied with Flyway. One set of scripts
 * serves H2 and MariaDB/MySQL; the differences (table options, changing a column) are placeholders.
 */
public final class SchemaMigrations {
    private static final String HISTORY_TABLE = "smssafe_schema_history";

    private final Flyway flyway;

    /** Migrations for this DataSource; nothing is changed until {@link #migrate()}. */
    public SchemaMigrations(DataSource dataSource) {
        this(dataSource, "latest");
    }

    /**
     * The migrations up to and including {@code version} only (Flyway's target, e.g. {@code "5"}): a database as an
     * older release left it, for tests of an upgrade.
     */
    public SchemaMigrations(DataSource dataSource, String version) {
        this.flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .placeholders(placeholders(dataSource))
                .target(version)
                .load();
    }

    /** Applies every pending migration; with none pending it changes nothing. Returns how many were applied. */
    public int migrate() {
        MigrateResult result = flyway.migrate();
        return result.migrationsExecuted;
    }

    /** Every known migration with its state, oldest first. */
    public List<Migration> state() {
        return Arrays.stream(flyway.info().all()).map(Migration::of).toList();
    }

    /** Whether migrations are waiting to be applied. */
    public boolean hasPending() {
        return flyway.info().pending().length > 0;
    }

    /**
     * What differs between the two databases' SQL: the table options, and how a column's type or nullability is
     * changed ({@code MODIFY} on MariaDB/MySQL, {@code ALTER COLUMN} on H2).
     */
    private static Map<String, String> placeholders(DataSource dataSource) {
        boolean mariaDb = SqlEngine.of(dataSource) == SqlEngine.MARIADB;
        return Map.of("table_options", mariaDb ? "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin" : "",
                "modify_column", mariaDb ? "MODIFY" : "ALTER COLUMN");
    }

    /**
     * One migration as the admin sees it.
     *
     * @param state Flyway's words for its state, e.g. {@code Pending}, {@code Success}
     * @param pending whether it is waiting to be applied
     * @param installedOn when it was applied; null while pending
     */
    public record Migration(String version, String description, String state, boolean pending,
            Instant installedOn) {
        static Migration of(MigrationInfo info) {
            return new Migration(String.valueOf(info.getVersion()), info.getDescription(),
                    info.getState().getDisplayName(), info.getState() == MigrationState.PENDING,
                    info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant());
        }
    }
}
