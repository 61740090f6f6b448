package lt.smssafe.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a MariaDB that is a Galera node ({@code wsrep_on}) is ready for application use ({@code wsrep_ready}:
 * in the Primary component and synced). A node that is not answers a ping and {@code SHOW}, but refuses every
 * query on a table ("WSREP has not yet prepared node for application use"), so a ping alone would call it up while
 * every payment on it fails. Only {@code SHOW} is asked: a not-ready node still answers it, and a server without
 * Galera (or MySQL) answers it with no row, which is not Galera.
 */
final class GaleraReadiness {

    private GaleraReadiness() {
    }

    /** False only for a Galera node that is not ready; true for a ready one and for a database that is not Galera. */
    static boolean readyOrNotGalera(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(Database.CHECK_SECONDS);
            if (!"ON".equalsIgnoreCase(value(statement, "SHOW GLOBAL VARIABLES LIKE 'wsrep_on'"))) {
                return true;
            }
            return "ON".equalsIgnoreCase(value(statement, "SHOW GLOBAL STATUS LIKE 'wsrep_ready'"));
        }
    }

    /** The value column of a one-row {@code SHOW … LIKE}, or empty when there is no such variable. */
    private static String value(Statement statement, String show) throws SQLException {
        try (ResultSet row = statement.executeQuery(show)) {
            return row.next() ? row.getString(2) : "";
        }
    }
}
