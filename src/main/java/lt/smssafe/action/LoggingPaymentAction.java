package lt.smssafe.action;

import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.CommittedTransaction;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.logging.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The action used when the site owner configured none: it only writes a log line per paid session. What the buyer
 * typed (the content, the MBS ident) goes through {@link LogText}: an SMS with a line break must not forge a line.
 */
public final class LoggingPaymentAction implements PaymentAction {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingPaymentAction.class);

    @Override
    public void sessionClosed(ClosedSession session) {
        LOG.info("sms:safe session {} paid: {} {} in {} messages for '{}' (no action configured)", session.code(),
                session.total(), session.currency(), session.messages(), LogText.of(session.content()));
    }

    @Override
    public void transactionCommitted(CommittedTransaction transaction) {
        LOG.info("sms:safe MBS transaction {} paid: {} cents {} for '{}' (no action configured)",
                transaction.reference(), transaction.priceCents(), transaction.currency(), LogText.of(transaction.ident()));
    }
}
