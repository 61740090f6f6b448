package lt.smssafe.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lt.smssafe.testing.MariaDbServer;

/** Rows of a query on a deployment's MariaDB database, every value as text: what the tests check after the calls. */
public final class DatabaseRows {
    private DatabaseRows() {
    }

    public static List<List<String>> query(String database, String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(MariaDbServer.get().url(database), "root", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<List<String>> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rows.getString(c));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * The rows of the query once they are {@code expected}, or as they are after 10 s: for what the application
     * writes a moment after the sign a test waits for (a payment action's recorded success comes after its log
     * line). The caller asserts the rows returned.
     */
    public static List<List<String>> await(List<List<String>> expected, String database, String sql, Object... args)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<List<String>> rows = query(database, sql, args);
        while (!rows.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            rows = query(database, sql, args);
        }
        return rows;
    }

    /** Runs one update with these arguments on the deployment's database; returns the rows it changed. */
    public static int update(String database, String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(MariaDbServer.get().url(database), "root", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs one statement on the deployment's database (to change its schema under the application, say). */
    public static void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(MariaDbServer.get().url(database), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
