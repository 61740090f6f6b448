package lt.smssafe.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;
import javax.sql.DataSource;

/**
 * Finds the DataSource the site owner bound in JNDI, or else creates the embedded H2 database in {@code data.dir}
 * behind a real connection pool.
 */
public final class DataSourceLocator {
    /** How long a request waits for a connection before the database counts as unreachable (a 503). */
    static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

    private DataSourceLocator() {
    }

    /**
     * The JDBC URL of the embedded H2 file database at {@code file} (without H2's {@code .mv.db} suffix): see
     * {@link #embedded}. H2 keeps 16 MB of its pages in memory unless told otherwise; with a million stored sessions
     * the index parts that every message walks are many times that, and each page read again from the file is
     * decoded again. An eighth of this JVM's heap (at least H2's 16 MB): 64 MB held a million sessions to 0.64 of
     * the empty database's speed, an eighth of a 2 GB heap to 0.69–0.85, a quarter was no faster and slowed the
     * slowest answers (docs/performance.md).
     */
    public static String embeddedUrl(Path file) {
        long cacheKb = Math.max(16 * 1024, Runtime.getRuntime().maxMemory() / 8 / 1024);
        return "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=" + cacheKb;
    }

    /** The DataSource bound at {@code jndiName}, if anything is bound there. */
    public static Optional<DataSource> lookup(String jndiName) {
        try {
            Object bound = new InitialContext().lookup(jndiName);
            if (bound instanceof DataSource dataSource) {
                return Optional.of(dataSource);
            }
            throw new IllegalStateException("'" + jndiName + "' is bound to a " + bound.getClass().getName()
                    + ", not a javax.sql.DataSource");
        } catch (NameNotFoundException | NoInitialContextException notBound) {
            return Optional.empty();
        } catch (NamingException e) {
            throw new IllegalStateException("cannot look up '" + jndiName + "': " + e.getMessage(), e);
        }
    }

    /**
     * A pooled embedded H2 file database {@code smssafe} in {@code dataDir}. The lock timeout is raised from H2's
     * 1 s because many messages from one phone queue on one row lock, and the pool's wait is bounded so that an
     * unreachable database answers quickly instead of holding the gateway's request.
     *
     * <p>H2 must not close the database from its own JVM shutdown hook: on SIGTERM that hook runs beside the
     * container's, while requests and the payment action may still be finishing, and after the WAR's class loader
     * is stopped it fails half-way through closing the file. The WAR closes the pool when it stops, and H2 closes the
     * database with the pool's last connection.
     */
    public static HikariDataSource embedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("smssafe-h2");
        config.setDriverClassName("org.h2.Driver");
        config.setJdbcUrl(embeddedUrl(dataDir.toAbsolutePath().resolve("smssafe")));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(10);
        // every use is a transaction: connections start without auto-commit, so that Hibernate, which finds it off,
        // need not switch it off and on again around each one
        config.setAutoCommit(false);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        return new HikariDataSource(config);
    }
}
