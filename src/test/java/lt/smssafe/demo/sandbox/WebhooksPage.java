package lt.smssafe.demo.sandbox;

import static lt.smssafe.demo.sandbox.Html.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /webhooks}: what the sandbox's receiver ({@link WebhookInbox}) got from sms:safe, newest first — each
 * delivery's time, event id and type, headers, body, whether its signature verified and what the sandbox answered —
 * and the switch that makes the receiver fail, so that a site owner watches the retries arrive with the same id and
 * growing pauses (and sees them on sms:safe's {@code /select}) until it is switched back.
 */
final class WebhooksPage implements Exchanges.Page {
    static final String TITLE = "Webhooks received";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The newest deliveries show their headers and body open; older ones behind a click. */
    private static final int OPEN = 3;

    private final WebhookInbox inbox;
    private final URI webhookUrl;
    private final String secret;
    private final URI select;

    /**
     * @param webhookUrl the demo's {@code webhook.url}: the inbox's address
     * @param secret the demo's {@code webhook.secret}
     * @param select sms:safe's admin page of actions not yet succeeded
     */
    WebhooksPage(WebhookInbox inbox, URI webhookUrl, String secret, URI select) {
        this.inbox = inbox;
        this.webhookUrl = webhookUrl;
        this.secret = secret;
        this.select = select;
    }

    /** The switch: {@code answer=answer|fail|time-out}. */
    @Override
    public void post(HttpExchange exchange) throws IOException {
        Optional<WebhookInbox.Mode> mode = WebhookInbox.Mode.of(Exchanges.parameters(exchange).get("answer"));
        if (mode.isEmpty()) {
            Exchanges.send(exchange, 400, "text/plain; charset=UTF-8", "answer must be answer, fail or time-out");
            return;
        }
        inbox.switchTo(mode.get());
        Exchanges.redirect(exchange, "/webhooks");
    }

    @Override
    public void get(HttpExchange exchange) throws IOException {
        WebhookInbox.Mode mode = inbox.mode();
        StringBuilder body = new StringBuilder("""
                <p class="notice">sms:safe POSTs every completed payment as a signed JSON event to its
                <code>webhook.url</code> (docs/webhooks.md): in this demo to the sandbox's
                <code id="webhook-url">%s</code>, signed with the <code>webhook.secret</code>
                <code id="webhook-secret">%s</code>. The sandbox plays your shop's receiver; this page shows what it
                got and refreshes every 5 seconds.</p>
                <p id="mode" class="%s" data-mode="%s">The receiver %s.</p>
                <form method="post" action="/webhooks" class="switch">
                %s%s%s
                </form>
                <p>Switch it to fail, then pay with the <a href="/phone">test phone</a> or
                <a href="/charge">charge by MBS</a>: the same event comes again and again with growing pauses, and
                sms:safe's <a href="%s" target="_blank">/select</a> lists it with its attempts and last error. Switch
                back and the next retry is accepted.</p>
                """.formatted(escape(webhookUrl), escape(secret), mode == WebhookInbox.Mode.ANSWER ? "verdict ok"
                : "verdict bad", escape(mode.formValue()), escape(mode.words),
                button(mode, WebhookInbox.Mode.ANSWER, "Answer 200"),
                button(mode, WebhookInbox.Mode.FAIL, "Fail: answer 500"),
                button(mode, WebhookInbox.Mode.TIME_OUT, "Time out: no answer in 10 s"), escape(select)));
        List<WebhookInbox.Delivery> all = inbox.deliveries();
        body.append("<h2>Deliveries, newest first</h2>");
        if (all.isEmpty()) {
            body.append("<p id=\"none\">Nothing yet: pay a session with the <a href=\"/phone\">test phone</a> or"
                    + " <a href=\"/charge\">charge by MBS</a>.</p>");
        }
        body.append("<ol id=\"deliveries\" reversed>");
        for (int i = all.size() - 1; i >= 0; i--) {
            body.append(delivery(all, i, all.size() - 1 - i < OPEN));
        }
        body.append("</ol>").append("""
                <h2>How the sandbox checks a delivery</h2>
                <p>As your receiver must (docs/webhooks-receivers.md): it reads the raw body, computes
                <code>HMAC-SHA256(secret, t + "." + raw body)</code> in hex and compares it with each
                <code>v1</code> of <code>SmsSafe-Signature</code> in constant time, refuses a <code>t</code> more than
                5 minutes from its clock (answering 400 with the reason), and then handles each event id once: a
                retry of an event it has accepted is answered 200 <code>duplicate</code> and not done again. The
                retries come 1 s, 2 s, 4 s, … apart, doubling, at sms:safe's next poll (every 5 s).</p>
                <h2>Test your own receiver</h2>
                <p>The signed-notification tool sends your receiver a sample event of each type, signed as sms:safe
                signs it, and prints the answer (docs/webhooks-receivers.md). Against this sandbox:</p>
                <pre>export SMSSAFE_WEBHOOK_SECRET='%s'
                java -jar target/smssafe-send-notification.jar --webhook \\
                    --url %s --type session.closed</pre>
                """.formatted(escape(secret), escape(webhookUrl)));
        Exchanges.html(exchange, Html.page(TITLE, body.toString(), 5));
    }

    private static String button(WebhookInbox.Mode now, WebhookInbox.Mode mode, String label) {
        return "<button id=\"" + mode.formValue() + "\" name=\"answer\" value=\"" + mode.formValue() + "\""
                + (now == mode ? " disabled" : "") + ">" + escape(label) + "</button>\n";
    }

    /** One delivery: which of its event's deliveries it is, and the pause since the one before. */
    private static String delivery(List<WebhookInbox.Delivery> all, int index, boolean open) {
        WebhookInbox.Delivery delivery = all.get(index);
        int number = 1;
        WebhookInbox.Delivery previous = null;
        for (int i = 0; i < index; i++) {
            if (all.get(i).eventId().equals(delivery.eventId())) {
                number++;
                previous = all.get(i);
            }
        }
        String which = number == 1 ? "first delivery of this event"
                : "delivery " + number + " of this event, " + seconds(Duration.between(previous.at(), delivery.at()))
                        + " after the one before";
        String verdict = delivery.refusal().map(why -> "<span class=\"verdict bad\">signature refused: "
                + escape(why) + "</span>").orElse("<span class=\"verdict ok\">signature verified</span>");
        String answer = delivery.status() == 0 ? delivery.answer() : delivery.status() + " " + delivery.answer();
        StringBuilder headers = new StringBuilder("<div class=\"scroll\"><table class=\"headers\">");
        for (Map.Entry<String, String> header : delivery.headers()) {
            headers.append("<tr><th>").append(escape(header.getKey())).append("</th><td><code>")
                    .append(escape(header.getValue())).append("</code></td></tr>");
        }
        headers.append("</table></div>");
        return """
                <li class="delivery" value="%d" data-event="%s" data-status="%d" data-verified="%b"
                 data-at="%s">
                <strong class="type">%s</strong> <span class="meta">%s · %s</span>
                <span class="meta">event <code class="event-id">%s</code></span>
                <p>%s · answered <code class="answer">%s</code></p>
                <details%s><summary>Headers and body</summary>%s<pre class="body">%s</pre></details>
                </li>
                """.formatted(index + 1, escape(delivery.eventId()), delivery.status(), delivery.verified(),
                delivery.at(),
                escape(delivery.type().isEmpty() ? "(no type)" : delivery.type()), escape(TIME.format(delivery.at())),
                escape(which), escape(delivery.eventId()), verdict, escape(answer), open ? " open" : "", headers,
                escape(pretty(delivery.body())));
    }

    /** The body indented for reading (the signature is over the raw bytes, which this is not); as is if not JSON. */
    private static String pretty(String body) {
        if (body.isBlank()) {
            return body;
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body));
        } catch (IOException e) {
            return body;
        }
    }

    private static String seconds(Duration pause) {
        return pause.toMillis() < 10_000 ? String.format(Locale.ROOT, "%.1f s", pause.toMillis() / 1000.0)
                : pause.toSeconds() + " s";
    }
}
