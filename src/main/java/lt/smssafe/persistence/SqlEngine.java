package lt.smssafe.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The two kinds of database the WAR runs on, for the few statements whose SQL differs: H2 (the embedded default)
 * and MariaDB or MySQL (including a Galera cluster).
 */
public enum SqlEngine {
    H2, MARIADB;

    /** Asks the database behind the DataSource which it is. */
    public static SqlEngine of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("mariadb") || product.contains("mysql") ? MARIADB : H2;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot connect to the database: " + e.getMessage(), e);
        }
    }
}
