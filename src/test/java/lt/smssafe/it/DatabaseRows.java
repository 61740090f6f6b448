package lt.smssafe.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import lt.smssafe.testing.MariaDbServer;

/** Rows of a query on a deployment's MariaDB database, every value as text: what the tests check after the calls. */
final class DatabaseRows {
    private DatabaseRows() {
    }

    static List<List<String>> query(String database, String sql, Object... args) {
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
}
