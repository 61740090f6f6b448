package lt.smssafe.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.runtime.ObjectMethods;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import lt.smssafe.SmsSafe;
import lt.smssafe.api.SmsSafePayments;
import lt.smssafe.config.InvalidConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles {@link SmsSafe} when the WAR is deployed and takes it apart when it is undeployed. A configuration
 * mistake stops the deployment with one log line that names the key.
 */
@WebListener
public final class SmsSafeListener implements ServletContextListener {
    private static final Logger LOG = LoggerFactory.getLogger(SmsSafeListener.class);
    private static final Duration THREADS_END = Duration.ofSeconds(3);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        try {
            SmsSafe app = SmsSafe.start(context::getInitParameter, context.getClassLoader());
            context.setAttribute(SmsSafe.CONTEXT_ATTRIBUTE, app);
            context.setAttribute(SmsSafePayments.CONTEXT_ATTRIBUTE, app.sitePayments());
            // every page's header, index.jsp and the error page read the shop's name from here
            context.setAttribute("siteName", app.settings().siteName());
            LOG.info("sms:safe is ready for safe {} at {}/result", app.settings().safe(), context.getContextPath());
        } catch (InvalidConfigException e) {
            LOG.error(e.getMessage());
            // without a stack trace of its own, the container's report of it stays one line too
            throw e;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Object app = context.getAttribute(SmsSafe.CONTEXT_ATTRIBUTE);
        if (app instanceof SmsSafe smsSafe) {
            smsSafe.close();
        }
        deregisterOwnDrivers(context.getClassLoader());
        forgetLastRecordEquals();
        awaitOwnThreads(context.getClassLoader());
    }

    /**
     * Waits, at most {@link #THREADS_END} in all, for the threads this application started to end. Closing the
     * connection pool and H2 stops theirs, but their executors count as terminated a moment before the threads have
     * actually ended; the container, which checks right after this, would report them as leaked.
     */
    private static void awaitOwnThreads(ClassLoader webapp) {
        long deadline = System.nanoTime() + THREADS_END.toNanos();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long left = deadline - System.nanoTime();
            if (thread != Thread.currentThread() && thread.getContextClassLoader() == webapp && left > 0) {
                try {
                    thread.join(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The embedded H2 driver registered itself from this WAR; leaving it registered would leak the WAR's classes. */
    private static void deregisterOwnDrivers(ClassLoader webapp) {
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == webapp) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    LOG.warn("cannot deregister JDBC driver {}: {}", driver.getClass().getName(), e.toString());
                }
            }
        }
    }

    /**
     * Java 17 keeps, JVM-wide, the last record class whose {@code equals} was first called: {@link ObjectMethods}
     * adapts one shared method handle to each record's type, and that handle remembers its last adaptation (its
     * {@code asTypeCache}). When that record is one of this WAR's (our own or Hibernate's query cache key), the stopped
     * WAR's class loader stays reachable until another application happens to call a new record's {@code equals}.
     * Adapting the handle once more, to a JDK type, makes it forget ours. Later JDKs do not keep such a type strongly.
     */
    private static void forgetLastRecordEquals() {
        try {
            ObjectMethods.bootstrap(MethodHandles.lookup(), "equals",
                    MethodType.methodType(boolean.class, String.class, Object.class), String.class, "");
        } catch (Throwable e) {
            LOG.debug("cannot clear the JDK's record equals cache: {}", e.toString());
        }
    }

    /** The running application of this context. */
    static SmsSafe of(ServletContext context) {
        return (SmsSafe) context.getAttribute(SmsSafe.CONTEXT_ATTRIBUTE);
    }
}
