package lt.smssafe.action;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The action used when the site owner configured none: it only writes a log line per paid session. */
public final class LoggingPaymentAction implements PaymentAction {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingPaymentAction.class);

    @Override
    public void sessionClosed(ClosedSession session) {
        LOG.info("sms:safe session {} paid: {} {} in {} messages for '{}' (no action configured)", session.code(),
                session.total(), session.currency(), session.messages(), session.content());
    }

    @Override
    public void transactionCommitted(CommittedTransaction transaction) {
        LOG.info("sms:safe MBS transaction {} paid: {} cents {} for '{}' (no action configured)",
                transaction.reference(), transaction.priceCents(), transaction.currency(), transaction.ident());
    }
}
