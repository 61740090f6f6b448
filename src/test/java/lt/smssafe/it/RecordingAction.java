package lt.smssafe.it;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.CommittedTransaction;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.api.ReversedMessage;

/**
 * A site owner's payment action for the in-container tests: it appends one line per call to
 * {@code target/it-data/actions.log} (system property {@code smssafe.it.actions}, set in arquillian.xml), and fails the first call for a session whose content
 * asks for it ({@code fail-once…}), so that the test sees the retry, and every call for a session whose content starts with {@code fail-always}.
 */
public class RecordingAction implements PaymentAction {
    @Override
    public void sessionClosed(ClosedSession session) throws IOException {
        Path log = Path.of(System.getProperty("smssafe.it.actions", "/nonexistent"));
        Files.createDirectories(log.getParent());
        Path marker = log.resolveSibling("failed-" + session.code());
        boolean failNow = session.content().startsWith("fail-always")
                || session.content().startsWith("fail-once") && !Files.exists(marker);
        String line = session.code() + " " + session.content() + " " + session.messages() + " " + session.total()
                + " " + session.currency() + (session.test() ? " TEST" : "") + (failNow ? " FAILED" : " OK") + "\n";
        Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (failNow) {
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
            throw new IOException("the shop is down for " + session.code());
        }
    }

    /** One line per reversal: {@code reversed <code> <message id> <amount> <currency>}. */
    @Override
    public void paymentReversed(ClosedSession session, ReversedMessage message, BigDecimal amount)
            throws IOException {
        Path log = Path.of(System.getProperty("smssafe.it.actions", "/nonexistent"));
        Files.createDirectories(log.getParent());
        Files.writeString(log, "reversed " + session.code() + " " + message.messageId() + " " + amount + " "
                + message.currency() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** One line per committed MBS transaction: {@code mbs <reference> <ident> <cents> <currency> OK}. */
    @Override
    public void transactionCommitted(CommittedTransaction transaction) throws IOException {
        Path log = Path.of(System.getProperty("smssafe.it.actions", "/nonexistent"));
        Files.createDirectories(log.getParent());
        Files.writeString(log, "mbs " + transaction.reference() + " " + transaction.ident() + " "
                + transaction.priceCents() + " " + transaction.currency() + " OK\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
