package lt.smssafe.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource whose database goes away at one chosen step, as a database that dies or a node that is cut off:
 * the step fails as a lost connection does (SQLSTATE 08S01), and from then on every new connection is refused as a
 * pool refuses it while the database is down, until {@link #restore()}.
 */
public final class FailingDataSource implements DataSource {
    /** Where, at the first statement that matches, the database goes away. */
    public enum Step {
        /** Preparing the statement fails: it never reaches the database. */
        STATEMENT,
        /** The statement runs; its transaction's commit fails and nothing of it is kept. */
        COMMIT_LOST,
        /** The statement runs and its transaction commits, but the answer to the commit is lost with the connection. */
        COMMIT_UNCONFIRMED
    }

    private final DataSource delegate;
    private volatile Predicate<String> trigger = sql -> false;
    private volatile Step step;
    private volatile boolean down;
    private volatile Predicate<String> committedTrigger = sql -> false;
    private volatile Runnable afterCommit = () -> { };

    public FailingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** The database goes away at {@code step} of the next statement whose SQL (lower case) {@code trigger} accepts. */
    public void failAt(Predicate<String> trigger, Step step) {
        this.step = step;
        this.trigger = trigger;
    }

    /**
     * Runs {@code then} once, right after the commit of the first transaction that ran a statement whose SQL (lower
     * case) {@code trigger} accepts, before the application hears of the commit: to kill a real database there.
     */
    public void afterCommitOf(Predicate<String> trigger, Runnable then) {
        this.afterCommit = then;
        this.committedTrigger = trigger;
    }

    /** Whether the database is away now. */
    public boolean isDown() {
        return down;
    }

    /** The database is back. */
    public void restore() {
        down = false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            throw new SQLTransientConnectionException("test pool - connection is not available, request timed out",
                    "08001");
        }
        return wrap(delegate.getConnection());
    }

    private Connection wrap(Connection connection) {
        boolean[] armed = {false, false};
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (down && !name.equals("close") && !name.equals("rollback") && !name.equals("isClosed")) {
                        throw lost();
                    }
                    if (name.startsWith("prepare") && args != null && args[0] instanceof String sql
                            && trigger.test(sql.toLowerCase(java.util.Locale.ROOT))) {
                        trigger = any -> false;
                        if (step == Step.STATEMENT) {
                            down = true;
                            throw lost();
                        }
                        armed[0] = true;
                    }
                    if (name.startsWith("prepare") && args != null && args[0] instanceof String sql
                            && committedTrigger.test(sql.toLowerCase(java.util.Locale.ROOT))) {
                        committedTrigger = any -> false;
                        armed[1] = true;
                    }
                    if (name.equals("commit") && armed[1]) {
                        armed[1] = false;
                        connection.commit();
                        afterCommit.run();
                        return null;
                    }
                    if (name.equals("commit") && armed[0]) {
                        if (step == Step.COMMIT_UNCONFIRMED) {
                            connection.commit();
                        } else {
                            connection.rollback();
                        }
                        down = true;
                        throw lost();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static SQLException lost() {
        return new SQLNonTransientConnectionException("Communications link failure (test)", "08S01");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
