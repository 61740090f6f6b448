package lt.smssafe.api;

import jakarta.servlet.ServletContext;
import java.util.Optional;
import lt.smssafe.mbs.MbsDirect;

/**
 * The one entry for the site owner's own Java code deployed in this web application: spends a paid code once (the
 * Java counterpart of {@code POST /redeem}), asks about payments without going through HTTP (of
 * {@code /check?session=CODE&format=json}) and charges by MBS with the WAR's own client, configured once from the
 * {@code mbs.*} keys.
 *
 * <pre>{@code
 * SmsSafePayments payments = SmsSafePayments.of(getServletContext());
 * // the buyer typed the code: give the goods only if this redemption spent it (or is a retry of it)
 * if (payments.redeem(code, "account-17") instanceof Redemption.Redeemed redeemed) { ... give ... }
 * Transaction t = payments.mbs().bill("account-7", BillRequest.sms("order-42", "Thank you", 250, "EUR"));
 * }</pre>
 *
 * A closed session ({@code session(code).get().isClosed()}) is paid, but not spent: two accounts or two tabs that
 * type one code both see it closed. Only {@link #redeem} says which of them gets the goods.
 */
public abstract class SmsSafePayments {
    /** The servlet-context attribute under which the running installation keeps its payments for {@link #of}. */
    public static final String CONTEXT_ATTRIBUTE = SmsSafePayments.class.getName();

    private final Optional<MbsDirect> mbs;

    /**
     * For the running installation, which answers these questions from its inside and keeps one instance in its
     * servlet context; your code takes that one with {@link #of}.
     *
     * @param mbs the WAR's MBS client, when {@code mbs.url} is configured
     */
    protected SmsSafePayments(Optional<MbsDirect> mbs) {
        this.mbs = mbs;
    }

    /**
     * The payments of the sms:safe running in this servlet context.
     *
     * @throws IllegalStateException when sms:safe did not start in this context (see its log line)
     */
    public static SmsSafePayments of(ServletContext context) {
        if (!(context.getAttribute(CONTEXT_ATTRIBUTE) instanceof SmsSafePayments payments)) {
            throw new IllegalStateException("sms:safe is not running in this web application");
        }
        return payments;
    }

    /**
     * The session with this code as the user typed it (case and surrounding blanks forgiven), or empty when this
     * safe has no such session.
     */
    public abstract Optional<SessionStatus> session(String code);

    /**
     * Spends the code of a paid session once (docs/protocol.md §9), for {@code reference}: what the site gives it to (an
     * account, an order). Of any number of redemptions of one code, at once or one after another, on this node or
     * on others sharing the database, exactly one is {@link Redemption.Redeemed} — and so is every later one with
     * the same reference (a retry gets the first answer's values); the others are refused with
     * {@link Redemption.Reason#ALREADY_REDEEMED}. The redemption is committed before this returns.
     *
     * @param code as the user typed it (case and surrounding blanks forgiven); a text that is not a code is an
     *     unknown session
     * @param reference 1 to 128 printable characters, compared exactly
     * @throws IllegalArgumentException when the reference is not one
     * @throws lt.smssafe.persistence.DatabaseUnavailableException when the database cannot be reached: nothing was
     *     spent, try again later
     */
    public abstract Redemption redeem(String code, String reference);

    /**
     * The WAR's MBS direct-billing client, configured from the {@code mbs.*} keys: thread-safe, shared, and closed
     * by the WAR when it stops (do not close it yourself). Its bills carry {@code mbs.report-url}, so their reports
     * reach {@code /mbs/report} and the payment action.
     *
     * @throws IllegalStateException when {@code mbs.url} is not configured
     */
    public final MbsDirect mbs() {
        return mbs.orElseThrow(() -> new IllegalStateException(
                "MBS billing is not configured: set mbs.url, mbs.service and mbs.secret"));
    }

    /** Whether MBS billing is configured ({@code mbs.url}). */
    public final boolean mbsConfigured() {
        return mbs.isPresent();
    }
}
