package lt.smssafe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import lt.smssafe.action.ActionRun;
import lt.smssafe.config.InvalidConfigException;
import lt.smssafe.config.Settings;
import lt.smssafe.mbs.recording.BilledTransaction;
import lt.smssafe.persistence.DataSourceLocator;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.sms.SessionRedemption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database an installation is configured for (the DataSource bound at {@code datasource}, else the
 * embedded H2 file) and brings its schema up to date when {@code schema.auto} says so. Here, not in
 * {@code persistence}, because it reads the settings and knows every entity: {@code persistence} is below both.
 */
public final class DatabaseBootstrap {
    /** Every entity of the persistence unit. */
    public static final List<Class<?>> ENTITIES = List.of(ActionRun.class, BilledTransaction.class,
            SessionRedemption.class);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);

    private DatabaseBootstrap() {
    }

    /**
     * The configured database, open; the caller closes it.
     *
     * @throws InvalidConfigException when {@code datasource} names nothing bound, or a bound database cannot be
     *     reached
     */
    static Database open(Settings settings) {
        Optional<DataSource> bound = DataSourceLocator.lookup(settings.datasource());
        if (bound.isPresent()) {
            LOG.info("sms:safe uses the DataSource bound at {}", settings.datasource());
            requireReachable(bound.get(), settings);
            return Database.open(bound.get(), null, ENTITIES);
        }
        if (settings.datasourceExplicit()) {
            throw InvalidConfigException.invalid("datasource", "nothing is bound at '" + settings.datasource() + "'");
        }
        var pool = DataSourceLocator.embedded(settings.dataDir());
        // said loudly: a typo in a <Resource name> lands here, and payments would go to a local file unnoticed
        LOG.warn("sms:safe uses its EMBEDDED H2 database in {}: nothing is bound at {}. That is fine to try it out;"
                + " a production site binds its database there (see docs/deploy-tomcat.md)", settings.dataDir(),
                settings.datasource());
        try {
            return Database.open(pool, pool, ENTITIES);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The database's migrations, applied now when {@code schema.auto} is set; else pending ones are only said. */
    static SchemaMigrations schemaUpToDate(Database database, Settings settings) {
        SchemaMigrations migrations = new SchemaMigrations(database.dataSource());
        if (settings.schemaAuto()) {
            int applied = migrations.migrate();
            LOG.info("sms:safe schema is up to date ({} migrations applied now)", applied);
        } else if (migrations.hasPending()) {
            LOG.warn("sms:safe schema has pending migrations and schema.auto is false: apply them at /setup");
        }
        return migrations;
    }

    /** Which database this is, for the admin: a bound DataSource or the embedded H2 file. */
    static String description(Database database, Settings settings) {
        return database.ownsPool() ? "embedded H2 database in " + settings.dataDir() + " (nothing is bound at "
                + settings.datasource() + ")" : "the DataSource bound at " + settings.datasource();
    }

    /**
     * Fails the start with one line naming the cause when the bound database cannot be reached: otherwise Hibernate
     * fails a step later with "Unable to determine Dialect", which says nothing about a wrong host, password or TLS
     * setting.
     */
    private static void requireReachable(DataSource dataSource, Settings settings) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String cause = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
            throw InvalidConfigException.invalid("datasource", "the database bound at '" + settings.datasource()
                    + "' cannot be reached: " + cause);
        }
    }
}
