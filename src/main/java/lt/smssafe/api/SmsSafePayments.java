package lt.smssafe.api;

import jakarta.servlet.ServletContext;
import java.util.Optional;
import lt.smssafe.SmsSafe;
import lt.smssafe.mbs.MbsDirect;
import lt.smssafe.queries.SessionStatus;

/**
 * The one entry for the site owner's own Java code deployed in this web application: asks about payments without
 * going through HTTP (the Java counterpart of {@code /check?session=CODE&format=json}) and charges by MBS with the
 * WAR's own client, configured once from the {@code mbs.*} keys.
 *
 * <pre>{@code
 * SmsSafePayments payments = SmsSafePayments.of(getServletContext());
 * Optional<SessionStatus> status = payments.session(code);
 * if (status.isPresent() && status.get().isClosed()) { ... paid ... }
 * Transaction t = payments.mbs().bill("account-7", BillRequest.sms("order-42", "Thank you", 250, "EUR"));
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
        if (!(context.getAttribute(SmsSafe.CONTEXT_ATTRIBUTE) instanceof SmsSafe app)) {
            throw new IllegalStateException("sms:safe is not running in this web application");
        }
        return new SmsSafePayments(app);
    }

    /**
     * The session with this code as the user typed it (case and surrounding blanks forgiven), or empty when this
     * safe has no such session.
     */
    public Optional<SessionStatus> session(String code) {
        return app.queries().status(code);
    }

    /**
     * The WAR's MBS direct-billing client, configured from the {@code mbs.*} keys: thread-safe, shared, and closed
     * by the WAR when it stops (do not close it yourself). Its bills carry {@code mbs.report-url}, so their reports
     * reach {@code /mbs/report} and the payment action.
     *
     * @throws IllegalStateException when {@code mbs.url} is not configured
     */
    public MbsDirect mbs() {
        return app.mbs().orElseThrow(() -> new IllegalStateException(
                "MBS billing is not configured: set mbs.url, mbs.service and mbs.secret"));
    }

    /** Whether MBS billing is configured ({@code mbs.url}). */
    public boolean mbsConfigured() {
        return app.mbs().isPresent();
    }
}
