package lt.smssafe.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One database engine under the benchmark, holding the WAR's and the baseline's databases: how they are emptied,
 * reached from the benchmark, and bound in the applications' context files, and its SQL for bulk inserts.
 */
abstract class Engine implements AutoCloseable {
    /** The engine's folder under the benchmark's: its Tomcat base, data, logs. */
    final Path dir;

    Engine(Path dir) {
        this.dir = dir;
    }

    /** {@code h2} or {@code mariadb}. */
    abstract String name();

    /** What the tables call it. */
    abstract String label();

    /** Starts what must run before the databases can be used; once. */
    void start() throws Exception {
    }

    /** Empties both sides' databases; Tomcat is stopped. */
    abstract void reset() throws Exception;

    /** The benchmark's own way to a side's database; on H2 only while Tomcat is stopped. */
    abstract DataSource dataSource(Side side);

    /** A connection of {@link #dataSource}. */
    Connection connect(Side side) throws SQLException {
        return dataSource(side).getConnection();
    }

    /** The database server's process, where it is one of its own; else -1. */
    long serverPid() {
        return -1;
    }

    /** The rows of a query on a side's database while Tomcat runs, each as its columns' text. */
    abstract List<List<String>> query(Side side, String sql) throws Exception;

    /**
     * Runs statements in order on one connection to a side's database while Tomcat runs, each committed on its own.
     *
     * @return the rows they changed
     */
    abstract long execute(Side side, List<String> statements) throws Exception;

    /** Statements that empty a side's tables (Flyway's history stays), with their identity columns. */
    abstract List<String> truncate(List<String> tables);

    /**
     * The {@code data.dir} of the WAR deployed as {@code side} ({@link Side#WAR} or {@link Side#HOOK}): its
     * {@code local.xml}, and on H2 its database.
     */
    Path warDataDir(Side side) {
        return dir.resolve(side == Side.HOOK ? "hook-data" : "war-data");
    }

    /**
     * What goes into the {@code <Context>} of the WAR deployed as {@code side} besides the {@code <Environment>}
     * keys.
     */
    abstract String warContextExtras(Side side);

    /** Whether the WAR gets the benchmark's SQL probe mounted into its {@code WEB-INF/classes}. */
    abstract boolean probesWar();

    /** What goes into the baseline's {@code <Context>} to give it its database. */
    abstract String baselineDatabase();

    /** SQL of a series of whole numbers {@code n} from {@code from} to {@code to}, both included. */
    abstract String series(long from, long to);

    /** SQL of the whole-number quotient {@code a / b}. */
    abstract String div(String a, long b);

    /** SQL of a number as text. */
    abstract String text(String number);

    /** Counters per database user since {@link #resetStatistics}, where the engine keeps them. */
    Optional<UserStatistics> statistics(Side side) throws Exception {
        return Optional.empty();
    }

    /** Starts {@link #statistics} from zero. */
    void resetStatistics() throws Exception {
    }

    /**
     * What the database did for one side in a round, from MariaDB's {@code USER_STATISTICS}.
     *
     * @param busySeconds the time its connections spent executing
     */
    record UserStatistics(long statements, long commits, long rollbacks, long rowsRead, double busySeconds) {
    }

    @Override
    public void close() {
    }
}
