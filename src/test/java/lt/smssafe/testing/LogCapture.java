package lt.smssafe.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What one class logs (java.util.logging) while a test listens: {@link #start()} in the set-up, {@link #stop()}
 * after, {@link #records()} in between, in the order they were logged (from any thread).
 */
public final class LogCapture extends Handler {
    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    /** A capture of the logger named for {@code type}, not yet listening. */
    public static LogCapture of(Class<?> type) {
        return new LogCapture(Logger.getLogger(type.getName()));
    }

    /** A capture of the logger of that name (a library's category), not yet listening. */
    public static LogCapture named(String name) {
        return new LogCapture(Logger.getLogger(name));
    }

    /** Starts listening. */
    public LogCapture start() {
        logger.addHandler(this);
        return this;
    }

    /** Stops listening; what was captured stays. */
    public void stop() {
        logger.removeHandler(this);
    }

    /** Everything logged since {@link #start()}. */
    public List<LogRecord> records() {
        return records;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
