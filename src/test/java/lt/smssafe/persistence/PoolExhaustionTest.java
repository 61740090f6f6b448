package lt.smssafe.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.resource.ResourceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.UUID;
import javax.sql.DataSource;
import lt.smssafe.DatabaseBootstrap;
import org.apache.tomcat.dbcp.dbcp2.BasicDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pool that cannot hand out a connection in time is overload, an outage for the caller (a 503 with
 * {@code Retry-After}), never a defect: with each pool a site owner may bind, a real one of one connection, that
 * connection taken and held, a unit of work through the pool fails with {@link DatabaseUnavailableException} after
 * the pool's wait, is not retried, and works again once the connection is back.
 */
class PoolExhaustionTest {
    private static final long WAIT_MILLIS = 250;

    private Database database;
    private AutoCloseable pool;

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.close();
        } else if (pool != null) {
            pool.close();
        }
    }

    /** Tomcat's DBCP, as its {@code <Resource type="javax.sql.DataSource" maxTotal="1" maxWaitMillis="250">} gives it. */
    @Test
    void tomcatsDbcpWithEveryConnectionBusyIsAnOutageNotADefect() throws Exception {
        String url = migratedH2();
        BasicDataSource dbcp = new BasicDataSource();
        dbcp.setUrl(url);
        dbcp.setMaxTotal(1);
        dbcp.setMaxWait(java.time.Duration.ofMillis(WAIT_MILLIS));
        pool = dbcp;

        assertBusyPoolIsAnOutage(dbcp, "Cannot get a connection, pool error Timeout waiting for idle object");
    }

    /** The embedded HikariCP, as the WAR makes it without a container DataSource, at its smallest. */
    @Test
    void theEmbeddedHikariWithEveryConnectionBusyIsAnOutageNotADefect() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(migratedH2());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(WAIT_MILLIS);
        HikariDataSource hikari = new HikariDataSource(config);
        pool = hikari;

        assertBusyPoolIsAnOutage(hikari, "Connection is not available, request timed out after");
    }

    /**
     * WildFly 39's datasource pool (IronJacamar 3.0.18), as its {@code WrapperDataSource.getConnection()} fails when
     * every managed connection stays busy for the pool's {@code blocking-timeout-wait-millis}:
     * {@code new SQLException(resourceException)}, no SQLSTATE, the IJ000453 ResourceException of the connection
     * manager around the pool's IJ000655 one — which Hibernate wraps as "Unable to acquire JDBC Connection".
     * (Built here exactly as WildFly builds it; no pool of WildFly's runs outside WildFly.)
     */
    @Test
    void wildFlysPoolWithEveryConnectionBusyIsAnOutageNotADefect() {
        ResourceException blocking = new ResourceException(
                "IJ000655: No managed connections available within configured blocking timeout (250 [ms])");
        ResourceException unable = new ResourceException(
                "IJ000453: Unable to get managed connection for java:jboss/datasources/SmsSafeDS", blocking);
        SQLException fromDataSource = new SQLException(unable);
        RuntimeException fromHibernate = new GenericJDBCException("Unable to acquire JDBC Connection", fromDataSource);

        RuntimeException classified = DatabaseFailures.classify(fromHibernate);

        assertThat(fromDataSource.getSQLState()).as("nothing but the cause tells it apart").isNull();
        assertThat(classified).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("IJ000655: No managed connections available").hasCause(fromHibernate);
    }

    /** The pool's NoSuchElementException tells the pool's refusal apart; the application's own is a defect. */
    @Test
    void aNoSuchElementExceptionOfTheApplicationsOwnIsADefect() {
        RuntimeException own = new NoSuchElementException("No value present");
        RuntimeException wrapped = new IllegalStateException("no such session", own);

        assertThat(DatabaseFailures.classify(own)).isSameAs(own);
        assertThat(DatabaseFailures.classify(wrapped)).isSameAs(wrapped);
    }

    private void assertBusyPoolIsAnOutage(DataSource dataSource, String poolMessage) throws Exception {
        database = Database.open(dataSource, pool, DatabaseBootstrap.ENTITIES);
        Throwable failure;
        long took;
        try (Connection held = dataSource.getConnection()) {
            long start = System.nanoTime();
            failure = catchThrowable(() -> database.inRetriedTransaction(
                    em -> em.createNativeQuery("select count(*) from smssafe_session").getSingleResult()));
            took = (System.nanoTime() - start) / 1_000_000;
        }

        assertThat(failure).isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining(poolMessage);
        // a conflict would be run again up to Database.MAX_ATTEMPTS times, each waiting the pool's wait again
        assertThat(took).as("one wait of the pool's, not retried: the caller retries after Retry-After")
                .isBetween(WAIT_MILLIS - 10, 4 * WAIT_MILLIS);
        assertThat(((Number) database.inTransaction(em -> em.createNativeQuery("select count(*) from smssafe_session")
                .getSingleResult())).intValue()).as("served again once the connection is back").isZero();
    }

    /** A new in-memory H2, migrated outside the pool under test (Flyway takes two connections at once). */
    private static String migratedH2() {
        String url = "jdbc:h2:mem:p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource direct = new JdbcDataSource();
        direct.setURL(url);
        new SchemaMigrations(direct).migrate();
        return url;
    }
}
