package lt.smssafe.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.sql.DataSource;
import java.util.concurrent.atomic.LongAdder;
import org.hibernate.Session;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.jdbc.ReturningWork;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's persistence unit, bootstrapped by the application itself (no persistence.xml, no container
 * JPA), so the same WAR behaves the same in Tomcat and WildFly.
 */
public final class Database implements AutoCloseable {
    /** How often {@link #inRetriedTransaction} runs a conflicting unit of work before giving up for now. */
    public static final int MAX_ATTEMPTS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataSource dataSource;
    private final AutoCloseable ownedPool;
    private final EntityManagerFactory entityManagerFactory;
    private final SqlEngine engine;
    private final LongAdder conflicts = new LongAdder();
    private final LongAdder uniqueKeyRaces = new LongAdder();

    private Database(DataSource dataSource, AutoCloseable ownedPool, EntityManagerFactory entityManagerFactory,
            SqlEngine engine) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.entityManagerFactory = entityManagerFactory;
        this.engine = engine;
    }

    /**
     * Opens the persistence unit with these entity classes over the DataSource.
     *
     * @param ownedPool closed with this database (the embedded pool), or null when the container owns it
     */
    public static Database open(DataSource dataSource, AutoCloseable ownedPool, List<Class<?>> entities) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("smssafe")
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                // the schema belongs to the migrations, never to Hibernate
                .property("hibernate.hbm2ddl.auto", "none")
                .property("hibernate.archive.autodetection", "none")
                .property("hibernate.jdbc.time_zone", "UTC")
                // Hibernate would log every failed statement at WARN, the conflicts this class retries and the
                // unique-key races it resolves too (hundreds in a burst): the failures are sorted and logged here
                // and by whoever meets a defect, once each (see inTransaction)
                .property(JdbcSettings.LOG_JDBC_ERRORS, "false");
        entities.forEach(configuration::managedClass);
        return new Database(dataSource, ownedPool,
                new HibernatePersistenceProvider().createEntityManagerFactory(configuration), SqlEngine.of(dataSource));
    }

    /** How long one check of the database's state may take, beyond the pool's own wait for a connection. */
    static final int CHECK_SECONDS = 2;

    /** What a load balancer needs to know of this database: whether this node may send it work now. */
    public enum Readiness {
        /** It gives a valid connection and, if it is a Galera node, that node is ready. */
        UP,
        /** It answers, but as a Galera node that is not ready (not Primary or not synced): it refuses queries. */
        NOT_READY,
        /** No valid connection. */
        DOWN
    }

    /**
     * Whether the database answers and can take queries now: a valid connection, and on a Galera node
     * ({@code wsrep_on}) {@code wsrep_ready}. Two {@code SHOW}s on MariaDB, nothing more on H2: cheap enough to ask
     * every second.
     */
    public Readiness readiness() {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(CHECK_SECONDS)) {
                return Readiness.DOWN;
            }
            boolean ready = engine != SqlEngine.MARIADB || GaleraReadiness.readyOrNotGalera(connection);
            return ready ? Readiness.UP : Readiness.NOT_READY;
        } catch (java.sql.SQLException | RuntimeException e) {
            return Readiness.DOWN;
        }
    }

    /** Whether this database owns its pool: the embedded one, not a container's DataSource. */
    public boolean ownsPool() {
        return ownedPool != null;
    }

    /** Which kind of database this is, for the few statements whose SQL differs. */
    public SqlEngine engine() {
        return engine;
    }

    /** The underlying DataSource, for migrations. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs the work in one transaction and commits it. On any failure the transaction is rolled back and nothing of
     * the work is kept; the failure is classified once, here: {@link DatabaseUnavailableException} when the
     * database cannot be reached or timed out, {@link TransactionConflictException} when a concurrent transaction
     * got in the way, and anything else — a defect — rethrown unchanged.
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        try {
            return once(work);
        } catch (RuntimeException e) {
            RuntimeException classified = DatabaseFailures.classify(e);
            if (classified instanceof TransactionConflictException conflict && classified != e) {
                // expected, and handled by whoever called: counted for /metrics, not a log line each
                (conflict.isUniqueKeyRace() ? uniqueKeyRaces : conflicts).increment();
                LOG.debug("sms:safe transaction rolled back by a concurrent one: {}", conflict.getMessage());
            }
            throw classified;
        }
    }

    /** {@link #inTransaction} for plain SQL: the work gets the transaction's JDBC connection. */
    public <T> T inJdbcTransaction(ReturningWork<T> work) {
        return inTransaction(em -> em.unwrap(Session.class).doReturningWork(work));
    }

    /**
     * Transactions rolled back since start because a concurrent one held a lock, deadlocked with them or won
     * Galera's certification (MariaDB 1213, SQLSTATE 40001, a lock wait timeout); each is run again or given up by
     * its caller as a conflict.
     */
    public long conflicts() {
        return conflicts.sum();
    }

    /**
     * Transactions rolled back since start because a simultaneous insert took a unique key first (MariaDB 1062, H2
     * 23505): the copy of a message that lost the race to its twin, answered from what the winner stored.
     */
    public long uniqueKeyRaces() {
        return uniqueKeyRaces.sum();
    }

    /**
     * Runs the work as {@link #inTransaction} does, and runs it again from the start, after a short random pause,
     * while it meets conflicts — up to {@value #MAX_ATTEMPTS} attempts, after which the database counts as
     * unavailable for now. The work must therefore only touch the database (or be safe to repeat).
     *
     * @throws DatabaseUnavailableException when it cannot be reached, timed out, or kept conflicting
     */
    public <T> T inRetriedTransaction(Function<EntityManager, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (TransactionConflictException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new DatabaseUnavailableException("still conflicting after " + attempt + " attempts: "
                            + e.getMessage(), e);
                }
                pause(attempt);
            }
        }
    }

    private <T> T once(Function<EntityManager, T> work) {
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(entityManager);
            transaction.commit();
            return result;
        } finally {
            try {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            } catch (RuntimeException rollbackFailed) {
                // the original failure matters more; a lost connection also fails its rollback
            }
            entityManager.close();
        }
    }

    /** A short random pause that grows with the attempt, so colliding transactions do not collide again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * Math.min(attempt, 10) + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while retrying a conflicting transaction", e);
        }
    }

    @Override
    public void close() {
        entityManagerFactory.close();
        if (ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the connection pool", e);
            }
        }
    }
}
