package lt.smssafe.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import lt.smssafe.testing.DebianMariaDb;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A real MariaDB ({@link DebianMariaDb}) with one database {@code smssafe} that holds the WAR's and the baseline's
 * tables, and one {@code smssafe_hook} for the WAR deployed a second time with the webhook on. Each side connects as
 * its own user ({@code smssafe}, {@code baseline}, {@code smssafe-hook}) through a Tomcat {@code <Resource>} as
 * docs/deploy-tomcat.md tells a site owner, with the same pool size, so that MariaDB's per-user statistics tell them
 * apart.
 */
final class MariaDbEngine extends Engine {
    static final String DATABASE = "smssafe";
    /** The database of {@link Side#HOOK}: the same tables as the WAR's. */
    static final String HOOK_DATABASE = "smssafe_hook";
    private static final String PASSWORD = "bench-secret";
    /** The pool of each side: the WAR's embedded one has 10, and so does the measurement. */
    private static final int POOL_SIZE = 10;

    private final String bufferPool;
    private DebianMariaDb server;
    /** The benchmark's connections as root, by database. */
    private final Map<String, Connection> roots = new HashMap<>();

    MariaDbEngine(Path dir, String bufferPool) {
        super(dir);
        this.bufferPool = bufferPool;
    }

    @Override
    String name() {
        return "mariadb";
    }

    @Override
    String label() {
        return "MariaDB";
    }

    @Override
    void start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = DebianMariaDb.start(dir.resolve("server"), port, bufferPool);
    }

    @Override
    void reset() throws SQLException {
        try (Connection c = server.root(""); Statement s = c.createStatement()) {
            for (String database : List.of(DATABASE, HOOK_DATABASE)) {
                s.execute("DROP DATABASE IF EXISTS " + database);
                s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
            }
            for (Side side : Side.values()) {
                s.execute("CREATE USER IF NOT EXISTS '" + side.context + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
                s.execute("GRANT ALL ON " + database(side) + ".* TO '" + side.context + "'@'%'");
            }
        }
        closeRoots();
    }

    @Override
    DataSource dataSource(Side side) {
        try {
            MariaDbDataSource dataSource = new MariaDbDataSource(server.url(database(side)));
            dataSource.setUser("root");
            dataSource.setPassword("");
            return dataSource;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    long serverPid() {
        return server.pid();
    }

    @Override
    List<List<String>> query(Side side, String sql) throws SQLException {
        Connection root = roots.get(database(side));
        if (root == null || !root.isValid(2)) {
            root = server.root(database(side));
            roots.put(database(side), root);
        }
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = root.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    long execute(Side side, List<String> statements) throws SQLException {
        long changed = 0;
        try (Connection c = server.root(database(side)); Statement s = c.createStatement()) {
            for (String sql : statements) {
                if (!s.execute(sql)) {
                    changed += Math.max(0, s.getUpdateCount());
                }
            }
        }
        return changed;
    }

    @Override
    List<String> truncate(List<String> tables) {
        List<String> sql = new ArrayList<>();
        sql.add("SET foreign_key_checks = 0");
        tables.forEach(table -> sql.add("TRUNCATE TABLE " + table));
        return sql;
    }

    @Override
    String warContextExtras(Side side) {
        return resource("jdbc/smssafe", side);
    }

    @Override
    boolean probesWar() {
        return false;
    }

    @Override
    String baselineDatabase() {
        return resource("jdbc/baseline", Side.BASELINE);
    }

    /** docs/deploy-tomcat.md's {@code <Resource>}, with the pool size of the WAR's embedded pool. */
    private String resource(String name, Side side) {
        return """
                  <Resource name="%s" auth="Container" type="javax.sql.DataSource"
                            driverClassName="org.mariadb.jdbc.Driver"
                            url="%s" username="%s" password="%s"
                            maxTotal="%d" maxWaitMillis="5000"/>""".formatted(name, server.url(database(side)),
                side.context, PASSWORD, POOL_SIZE);
    }

    @Override
    String series(long from, long to) {
        return "SELECT seq AS n FROM seq_" + from + "_to_" + to;
    }

    @Override
    String div(String a, long b) {
        return "((" + a + ") DIV " + b + ")";
    }

    @Override
    String text(String number) {
        return "CAST(" + number + " AS CHAR)";
    }

    @Override
    Optional<UserStatistics> statistics(Side side) throws SQLException {
        List<List<String>> rows = query(side, "SELECT SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS,"
                + " COMMIT_TRANSACTIONS, ROLLBACK_TRANSACTIONS, ROWS_READ, BUSY_TIME"
                + " FROM information_schema.USER_STATISTICS WHERE USER = '" + side.context + "'");
        if (rows.isEmpty()) {
            return Optional.of(new UserStatistics(0, 0, 0, 0, 0));
        }
        List<String> row = rows.get(0);
        return Optional.of(new UserStatistics(Long.parseLong(row.get(0)), Long.parseLong(row.get(1)),
                Long.parseLong(row.get(2)), Long.parseLong(row.get(3)), Double.parseDouble(row.get(4))));
    }

    @Override
    void resetStatistics() throws SQLException {
        try (Connection c = server.root(""); Statement s = c.createStatement()) {
            s.execute("FLUSH USER_STATISTICS");
        }
    }

    /** Turns the general log (into {@code mysql.general_log}) on or off; on empties it first. */
    void generalLog(boolean on) throws SQLException {
        try (Connection c = server.root(""); Statement s = c.createStatement()) {
            if (on) {
                s.execute("SET GLOBAL log_output = 'TABLE'");
                s.execute("TRUNCATE TABLE mysql.general_log");
            }
            s.execute("SET GLOBAL general_log = " + (on ? "ON" : "OFF"));
        }
    }

    /**
     * The statements a side's connections sent while the general log was on, by kind (the first word and the first
     * table named; {@code SET …} whole), most first: rows of (kind, count).
     */
    List<List<String>> loggedStatements(Side side) throws SQLException {
        String text = "TRIM(CONVERT(argument USING utf8mb4))";
        String first = "LOWER(SUBSTRING_INDEX(" + text + ", ' ', 1))";
        return query(side, "SELECT CASE WHEN " + first + " = 'set' THEN LOWER(LEFT(" + text + ", 40)) ELSE CONCAT("
                + first + ", ' ', COALESCE(REGEXP_SUBSTR(" + text + ", '(smssafe|baseline)_[a-z_]+'), '')) END"
                + " AS kind, COUNT(*) FROM mysql.general_log WHERE command_type IN ('Query', 'Execute')"
                + " AND user_host LIKE '" + side.context + "[%' GROUP BY kind ORDER BY COUNT(*) DESC");
    }

    /** The database that holds the side's tables. */
    private static String database(Side side) {
        return side == Side.HOOK ? HOOK_DATABASE : DATABASE;
    }

    private void closeRoots() {
        for (Connection root : roots.values()) {
            try {
                root.close();
            } catch (SQLException ignored) {
                // the server goes away next, or the database was dropped
            }
        }
        roots.clear();
    }

    @Override
    public void close() {
        closeRoots();
        if (server != null) {
            server.close();
        }
    }

    static void loadDriver() {
        try {
            Class.forName("org.mariadb.jdbc.Driver");
            DriverManager.setLoginTimeout(10);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the MariaDB driver is not on the test class path", e);
        }
    }
}
