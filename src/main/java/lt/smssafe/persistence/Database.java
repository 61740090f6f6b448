package lt.smssafe.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * The application's persistence unit, bootstrapped by the application itself (no persistence.xml, no container
 * JPA), so the same WAR behaves the same in Tomcat and WildFly.
 */
public final class Database implements AutoCloseable {
    private final DataSource dataSource;
    private final AutoCloseable ownedPool;
    private final EntityManagerFactory entityManagerFactory;

    private Database(DataSource dataSource, AutoCloseable ownedPool, EntityManagerFactory entityManagerFactory) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.entityManagerFactory = entityManagerFactory;
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
                .property("hibernate.jdbc.time_zone", "UTC");
        entities.forEach(configuration::managedClass);
        return new Database(dataSource, ownedPool,
                new HibernatePersistenceProvider().createEntityManagerFactory(configuration));
    }

    /** The underlying DataSource, for migrations. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs the work in one transaction and commits it; on any failure the transaction is rolled back and the
     * failure rethrown unchanged, so the caller can tell a conflict worth retrying from an outage.
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
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
