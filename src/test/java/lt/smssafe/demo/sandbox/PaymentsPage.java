package lt.smssafe.demo.sandbox;

import static lt.smssafe.demo.sandbox.Html.escape;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
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
                <p class="notice">Your payment action is the code that runs once a payment is complete (PROTOCOL.md
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
            body.append("<li class=\"payment\"><strong>").append(escape(payment.method())).append("</strong> at ")
                    .append(escape(payment.at())).append("<div class=\"scroll\"><table>");
            payment.fields().forEach((name, value) -> body.append("<tr><th>").append(escape(name))
                    .append("</th><td class=\"").append(escape(name)).append("\">").append(escape(value))
                    .append("</td></tr>"));
            body.append("</table></div></li>");
        }
        body.append("</ol>");
        Exchanges.html(exchange, Html.page("Payments received", body.toString(), 5));
    }
}
