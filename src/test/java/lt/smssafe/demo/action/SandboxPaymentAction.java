package lt.smssafe.demo.action;

import java.io.IOException;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.CommittedTransaction;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.api.ReversedMessage;

/**
 * The demo's payment action: it writes one clear log line for every payment and reports what it received to the
 * sandbox's {@code /payments} page. It is not in the WAR: the demo adds it to the deployed application from outside
 * (a Tomcat context file), as a site owner can add their own action without rebuilding the WAR.
 *
 * <p>The sandbox's address comes from the system property {@code demo.payments.url}; without it the action only
 * logs. When the sandbox cannot be reached the call fails, and sms:safe tries it again later, as with any action.
 *
 * <p>It calls with {@link HttpURLConnection} and {@code Connection: close}, which leave no thread behind: a
 * {@code java.net.http.HttpClient} starts a selector thread with the application's class loader that lives until the
 * client is collected (Java 17 has no {@code HttpClient.close}), so Tomcat warned on every stop that the application
 * had started {@code HttpClient-1-SelectorManager} and not stopped it.
 */
public final class SandboxPaymentAction implements PaymentAction {
    private static final System.Logger LOG = System.getLogger(SandboxPaymentAction.class.getName());

    @Override
    public void sessionClosed(ClosedSession session) throws IOException, InterruptedException {
        LOG.log(System.Logger.Level.INFO, () -> String.format("DEMO PAYMENT ACTION: session %s paid %s %s in %d"
                + " messages for '%s'", session.code(), session.total().toPlainString(), session.currency(),
                session.messages(), session.content()));
        report("sessionClosed", session);
    }

    @Override
    public void transactionCommitted(CommittedTransaction transaction) throws IOException, InterruptedException {
        LOG.log(System.Logger.Level.INFO, () -> String.format("DEMO PAYMENT ACTION: MBS transaction %s paid %d cents"
                + " %s for '%s'", transaction.reference(), transaction.priceCents(), transaction.currency(),
                transaction.ident()));
        report("transactionCommitted", transaction);
    }

    /** A reversal is shown on the payments page as the reversed message's fields with the session's code. */
    @Override
    public void paymentReversed(ClosedSession session, ReversedMessage message, BigDecimal amount)
            throws IOException, InterruptedException {
        LOG.log(System.Logger.Level.WARNING, () -> String.format("DEMO PAYMENT ACTION: session %s lost %s %s:"
                + " message %s was not billed", session.code(), amount.toPlainString(), message.currency(),
                message.messageId()));
        report("paymentReversed", new Reversed(session.code(), message.dialect(), message.messageId(), amount,
                message.currency()));
    }

    /** What the payments page shows of a reversal. */
    private record Reversed(String code, String dialect, String messageId, BigDecimal amount, String currency) {
    }

    /** POSTs the record's fields, by name, as a form. */
    private static void report(String method, Record received) throws IOException, InterruptedException {
        String target = System.getProperty("demo.payments.url");
        if (target == null) {
            return;
        }
        StringJoiner form = new StringJoiner("&").add("method=" + method);
        for (RecordComponent component : received.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(received);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            form.add(URLEncoder.encode(component.getName(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
        byte[] body = form.toString().getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = (HttpURLConnection) URI.create(target).toURL().openConnection();
        try {
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            connection.setRequestMethod("POST");
            // no keep-alive: nothing is left to the JDK's keep-alive cache and its timer thread
            connection.setRequestProperty("Connection", "close");
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String text = "";
            if (answer != null) {
                try (answer) {
                    text = new String(answer.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            if (status != 200) {
                throw new IOException("the sandbox answered " + status + " " + text);
            }
        } finally {
            connection.disconnect();
        }
    }
}
