package lt.smssafe.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import lt.smssafe.DatabaseBootstrap;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SchemaMigrations;

/** The two databases every persistence test runs on: embedded H2 and a real MariaDB. */
public enum TestDatabases {
    H2 {
        @Override
        HikariDataSource newPool() {
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl("jdbc:h2:mem:" + unique() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            pool.setMaximumPoolSize(40);
            pool.setConnectionTimeout(5_000);
            return new HikariDataSource(pool);
        }
    },
    MARIADB {
        @Override
        HikariDataSource newPool() {
            return MariaDbServer.get().newPool(unique());
        }
    };

    abstract HikariDataSource newPool();

    /** A new, empty, migrated database of this kind, closed with the returned {@link Database}. */
    public Database openMigrated() {
        return open(newPool());
    }

    /** A new, empty database of this kind without any table: the caller migrates it and closes it. */
    public HikariDataSource openEmpty() {
        return newPool();
    }

    /** The database behind {@code pool}, migrated to the latest version, closed (with its pool) when it is closed. */
    public static Database open(HikariDataSource pool) {
        new SchemaMigrations(pool).migrate();
        return Database.open(pool, pool, DatabaseBootstrap.ENTITIES);
    }

    private static String unique() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
