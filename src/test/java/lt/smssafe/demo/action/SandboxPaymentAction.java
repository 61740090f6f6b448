package lt.smssafe.demo.action;

import java.io.IOException;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import lt.smssafe.action.ClosedSession;
import lt.smssafe.action.CommittedTransaction;
import lt.smssafe.action.PaymentAction;
import lt.smssafe.action.ReversedMessage;

/**
 * The demo's payment action: it writes one clear log line for every payment and reports what it received to the
 * sandbox's {@code /payments} page. It is not in the WAR: the demo adds it to the deployed application from outside
 * (a Tomcat context file), as a site owner can add their own action without rebuilding the WAR.
 *
 * <p>The sandbox's address comes from the system property {@code demo.payments.url}; without it the action only
 * logs. When the sandbox cannot be reached the call fails, and sms:safe tries it again later, as with any action.
 */
public final class SandboxPaymentAction implements PaymentAction {
    private static final System.Logger LOG = System.getLogger(SandboxPaymentAction.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(target))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("the sandbox answered " + answer.statusCode() + " " + answer.body());
        }
    }
}
