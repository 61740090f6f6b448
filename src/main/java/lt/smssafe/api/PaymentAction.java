package lt.smssafe.api;

import java.math.BigDecimal;
import org.slf4j.LoggerFactory;

/**
 * What the site owner's code does once a payment is complete: unlock an account, mark an order paid.
 *
 * <p>Name the implementing class in the {@code action} configuration key, or register it for
 * {@link java.util.ServiceLoader} in {@code META-INF/services/lt.smssafe.api.PaymentAction}. It needs a public
 * no-argument constructor. It runs after the payment is committed, on a background thread, never inside the
 * gateway's request. If it throws, it is tried again later with growing pauses until it returns normally.
 * After a crash it may run again for a payment it already handled, so use {@link ClosedSession#code()} as an
 * idempotency key.
 */
public interface PaymentAction {

    /**
     * A premium-SMS payment session was closed: all its messages arrived.
     *
     * @throws Exception any failure; the call is retried later
     */
    void sessionClosed(ClosedSession session) throws Exception;

    /**
     * An MBS direct-billing transaction was committed: the platform took the money (docs/protocol.md §7). Called once
     * per transaction however often the platform reports it; use {@link CommittedTransaction#reference()} as the
     * idempotency key.
     *
     * <p>Sites that take only SMS payments need not implement it. The default refuses, so that a carrier payment
     * nobody handles stays visible on {@code /select} and is retried, rather than being dropped silently.
     *
     * @throws Exception any failure; the call is retried later
     */
    default void transactionCommitted(CommittedTransaction transaction) throws Exception {
        throw new UnsupportedOperationException(getClass().getName()
                + " does not handle MBS payments: implement PaymentAction.transactionCommitted");
    }

    /**
     * A closed session lost a message after all: the gateway reported it as not billed (docs/protocol.md §8's reversal).
     * The session stays closed and is marked reversed on {@code /select}; what to do about what was delivered for it
     * is the site's decision. Called once per reversed message, retried like the others; the default writes a
     * warning.
     *
     * @param session the closed session as it was paid (its {@code total()} still includes the message)
     * @param message the reversed message
     * @param amount what the session lost by it
     * @throws Exception any failure; the call is retried later
     */
    default void paymentReversed(ClosedSession session, ReversedMessage message, BigDecimal amount)
            throws Exception {
        LoggerFactory.getLogger(PaymentAction.class).warn("sms:safe session {} lost {} {} when message {} ({}) was reported as not billed; implement"
                + " PaymentAction.paymentReversed to act on it", session.code(), amount, message.currency(),
                message.messageId(), message.dialect());
    }
}
