package lt.smssafe.demo.sandbox;

import static lt.smssafe.demo.sandbox.Html.escape;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /payments}: what the demo's payment action received. The action inside the WAR
 * ({@code lt.smssafe.demo.action.SandboxPaymentAction}) POSTs every call here, one form field per field of the
 * record it was given; the page lists them, newest first, and refreshes itself.
 */
final class PaymentsPage implements Exchanges.Page {
    /** One call of the payment action. */
    record Received(Instant at, String method, Map<String, String> fields) {
    }

    /** The page's name: not "payments", which is the name of the admin's page in sms:safe. */
    static final String TITLE = "What the payment action received";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("code", "Session code"),
            Map.entry("safe", "Safe id"), Map.entry("msisdn", "Phone"), Map.entry("country", "Country"),
            Map.entry("provider", "Operator"), Map.entry("content", "Paid for (content)"),
            Map.entry("messages", "Messages"), Map.entry("total", "Total"), Map.entry("currency", "Currency"),
            Map.entry("openedAt", "Opened"), Map.entry("closedAt", "Closed"), Map.entry("dialect", "Gateway"),
            Map.entry("test", "Test payment"), Map.entry("serviceId", "MBS service"),
            Map.entry("transactionId", "Transaction"), Map.entry("ident", "Paid for (ident)"),
            Map.entry("accountId", "Account"), Map.entry("priceCents", "Price"), Map.entry("messageId", "Message id"),
            Map.entry("amount", "Amount taken back"), Map.entry("reference", "Reference"));

    private final Clock clock;
    private final List<Received> received = new ArrayList<>();

    PaymentsPage(Clock clock) {
        this.clock = clock;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void post(HttpExchange exchange) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>(Exchanges.parameters(exchange));
        String method = fields.remove("method");
        if (method == null) {
            Exchanges.send(exchange, 400, "text/plain; charset=UTF-8", "bad request: method");
            return;
        }
        synchronized (this) {
            received.add(new Received(clock.instant(), method, fields));
        }
        Exchanges.send(exchange, 200, "text/plain; charset=UTF-8", "OK");
    }

    @Override
    public void get(HttpExchange exchange) throws IOException {
        List<Received> all = received();
        StringBuilder body = new StringBuilder("""
                <p class="notice">Your payment action is the code that runs once a payment is complete (docs/protocol.md
                §4): unlock an account, mark an order paid. The demo's action writes a log line in Tomcat's console
                and reports here what it received. This page refreshes every 5 seconds.</p>
                """);
        if (all.isEmpty()) {
            body.append("<p id=\"none\">Nothing yet: pay a session with the <a href=\"/phone\">test phone</a> or"
                    + " <a href=\"/charge\">charge by MBS</a>.</p>");
        }
        body.append("<ol id=\"payments\" reversed>");
        for (int i = all.size() - 1; i >= 0; i--) {
            Received payment = all.get(i);
            String currency = payment.fields().getOrDefault("currency", "");
            body.append("<li class=\"payment\"><strong>").append(escape(event(payment.method())))
                    .append("</strong> <span class=\"meta\">").append(escape(TIME.format(payment.at())))
                    .append(" · <code>").append(escape(payment.method())).append("()</code></span>")
                    .append("<div class=\"scroll\"><table>");
            payment.fields().forEach((name, value) -> body.append("<tr><th>").append(escape(label(name)))
                    .append(" <span class=\"meta\"><code>").append(escape(name)).append("()</code></span>")
                    .append("</th><td class=\"").append(escape(name)).append("\">")
                    .append(escape(value(name, value, currency))).append("</td></tr>"));
            body.append("</table></div></li>");
        }
        body.append("</ol>");
        Exchanges.html(exchange, Html.page(TITLE, body.toString(), 5));
    }

    /** What happened, in words: the action's method says it to a programmer. */
    private static String event(String method) {
        return switch (method) {
            case "sessionClosed" -> "A session was paid";
            case "transactionCommitted" -> "An MBS transaction was committed";
            case "paymentReversed" -> "A payment was reversed";
            default -> method;
        };
    }

    /** A field's name as people say it; one the page does not know, its camelCase split into words. */
    private static String label(String name) {
        String known = LABELS.get(name);
        if (known != null) {
            return known;
        }
        String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A value as people read it: a time to the second, cents as money ({@code 250} → {@code 2.50 EUR}). */
    private static String value(String name, String value, String currency) {
        if (name.endsWith("Cents")) {
            try {
                return BigDecimal.valueOf(Long.parseLong(value), 2).toPlainString() + " " + currency;
            } catch (NumberFormatException e) {
                return value;
            }
        }
        if (name.endsWith("At")) {
            try {
                return TIME.format(Instant.parse(value));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }
}
