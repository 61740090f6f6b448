package lt.smssafe.sms;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import lt.smssafe.persistence.DatabaseUnavailableException;

/**
 * The report path: applies a gateway's later report about a message it delivered (docs/protocol.md §8.1), which
 * {@link MessageProcessor#handle} passes on. A {@code failed} report reverses a counted message once; a reversal of
 * a closed session's message owes the payment action a {@code paymentReversed}, through the same
 * {@link StoreTransactions} as the message path.
 */
final class ReportProcessor {
    private final StoreTransactions transactions;

    ReportProcessor(StoreTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Applies a gateway's later report about a message (docs/protocol.md §8.1): {@code ok} confirms and changes nothing;
     * {@code failed} reverses a counted message once. A report for a message never stored is kept for the site
     * owner. Answers {@code 200 OK}, or the 409 when the report's values are not the stored message's.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached; nothing was changed
     */
    Answer report(DeliveryReport report) {
        try {
            // the sender is read first, in a transaction of its own, so that the change below starts with the lock
            Optional<String> sender = transactions.inTransaction(store -> store.message(report.dialect(),
                    report.messageId()).map(ReceivedMessage::msisdn));
            if (sender.isEmpty()) {
                transactions.inRetriedTransaction(store -> {
                    store.unmatched(report, transactions.now());
                    return null;
                });
                return Answer.reply("OK");
            }
            return transactions.underPhoneLock(report.dialect(), sender.get(),
                    (store, firstOfPhone, now) -> reportOnce(store, report, now));
        } catch (Reused e) {
            return Answer.reused();
        } catch (DatabaseUnavailableException e) {
            throw new DatabaseUnavailableException("report of message " + report.messageId() + " not applied: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Applies the report under the phone's lock: a {@code failed} one marks the message reversed once and, when it
     * was counted, takes it back from its session; of a closed session, that owes the payment action a
     * {@code paymentReversed}.
     *
     * @throws Reused when the report's values are not the stored message's: nothing is kept
     */
    private StoreTransactions.Changed<Answer> reportOnce(MessageStore store, DeliveryReport report, Instant now)
            throws SQLException {
        Answer ok = Answer.reply("OK");
        ReceivedMessage message = store.message(report.dialect(), report.messageId())
                .orElseThrow(() -> new IllegalStateException("message " + report.messageId() + " vanished"));
        if (!report.matches(message)) {
            throw new Reused();
        }
        if (report.billed() || !message.reverse(now)) {
            return StoreTransactions.Changed.of(ok);
        }
        store.reversed(message);
        if (!message.counted()) {
            return StoreTransactions.Changed.of(ok);
        }
        PaymentSession session = store.session(message.sessionId().get())
                .orElseThrow(() -> new IllegalStateException("session of message " + report.messageId() + " vanished"));
        boolean firstReversal = session.reversedAt().isEmpty();
        boolean wasClosed = session.reverse(message.cost(), now);
        store.reversed(session);
        if (wasClosed && firstReversal) {
            store.listReversed(session);
        }
        return wasClosed ? StoreTransactions.Changed.reversed(ok, session, message)
                : StoreTransactions.Changed.of(ok);
    }

    /** A report whose values are not its stored message's: nothing changes, the answer is the 409. */
    private static final class Reused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reused() {
            super("the report's values are not the stored message's", null, false, false);
        }
    }
}
