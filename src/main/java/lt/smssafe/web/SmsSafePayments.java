package lt.smssafe.web;

import jakarta.servlet.ServletContext;
import java.util.Optional;
import lt.smssafe.SmsSafe;
import lt.smssafe.reporting.SessionStatus;

/**
 * For the site owner's own Java code deployed in this web application: asks about payments without going through
 * HTTP — the Java counterpart of {@code /check?session=CODE&format=json}.
 *
 * <pre>{@code
 * Optional<SessionStatus> status = SmsSafePayments.of(getServletContext()).session(code);
 * if (status.isPresent() && status.get().isClosed()) { ... paid ... }
 * }</pre>
 */
public final class SmsSafePayments {
    private final SmsSafe app;

    private SmsSafePayments(SmsSafe app) {
        this.app = app;
    }

    /**
     * The payments of the sms:safe running in this servlet context.
     *
     * @throws IllegalStateException when sms:safe did not start in this context (see its log line)
     */
    public static SmsSafePayments of(ServletContext context) {
        SmsSafe app = SmsSafeListener.of(context);
        if (app == null) {
            throw new IllegalStateException("sms:safe is not running in this web application");
        }
        return new SmsSafePayments(app);
    }

    /**
     * The session with this code as the user typed it (case and surrounding blanks forgiven), or empty when this
     * safe has no such session.
     */
    public Optional<SessionStatus> session(String code) {
        return app.reports().status(code);
    }
}
