package lt.smssafe.demo.sandbox;

import static lt.smssafe.demo.sandbox.Html.escape;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lt.smssafe.rates.Rate;
import lt.smssafe.testing.FakeProvider;

/**
 * {@code /phone}: type a phone number, pick the operator, type the text and send; the message list shows what the
 * phone sent and every reply SMS, like a phone does, with a link to the status page of the session a reply names.
 */
final class TestPhonePage implements Exchanges.Page {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final TestPhone phone;
    private final long safe;
    private final URI site;
    private final String delay;
    /** A new number each time the sandbox starts, so no session left from an earlier run takes its messages. */
    private final String defaultMsisdn = "3706" + (1_000_000 + new SecureRandom().nextInt(9_000_000));

    TestPhonePage(TestPhone phone, long safe, URI site, Duration delay) {
        this.phone = phone;
        this.safe = safe;
        this.site = site;
        this.delay = delay.toSeconds() + " s";
    }

    @Override
    public void get(HttpExchange exchange) throws IOException {
        Map<String, String> form = Exchanges.parameters(exchange);
        String msisdn = form.getOrDefault("msisdn", defaultMsisdn);
        Rate chosen = phone.operator(form.getOrDefault("operator", "")).orElseGet(this::quickest);
        String text = form.getOrDefault("text", chosen.textToSend(safe, "order-42"));
        TestPhone.Gateway gateway = TestPhone.Gateway.parse(form.getOrDefault("gateway", ""));
        Exchanges.html(exchange, Html.page("Test phone", guide(chosen) + form(msisdn, chosen, text, gateway)
                + thread(msisdn), 0));
    }

    @Override
    public void post(HttpExchange exchange) throws IOException {
        Map<String, String> form = Exchanges.parameters(exchange);
        String msisdn = form.getOrDefault("msisdn", "").strip();
        Optional<Rate> operator = phone.operator(form.getOrDefault("operator", ""));
        String text = form.getOrDefault("text", "");
        if (!msisdn.matches("\\d{5,20}") || operator.isEmpty()) {
            Exchanges.send(exchange, 400, "text/plain; charset=UTF-8",
                    "a phone number is 5-20 digits, international format without +; and pick an operator");
            return;
        }
        TestPhone.Gateway gateway = TestPhone.Gateway.parse(form.getOrDefault("gateway", ""));
        if ("retry".equals(form.get("do"))) {
            phone.retryLast(msisdn);
        } else if ("billing-failed".equals(form.get("do"))) {
            phone.reportLastFailed(msisdn);
        } else {
            phone.send(msisdn, operator.get(), text, gateway);
        }
        Map<String, String> back = new LinkedHashMap<>();
        back.put("msisdn", msisdn);
        back.put("operator", TestPhone.key(operator.get()));
        back.put("text", text);
        back.put("gateway", gateway.name().toLowerCase(java.util.Locale.ROOT));
        Exchanges.redirect(exchange, "/phone?" + FakeProvider.form(back) + "#latest");
    }

    /** The operator with the fewest messages per session: the shortest story to try first. */
    private Rate quickest() {
        return phone.operators().stream().min(Comparator.comparingInt(Rate::messages))
                .orElseThrow(() -> new IllegalStateException("the sample rates list no operator"));
    }

    private String guide(Rate rate) {
        return """
                <p class="notice">This page plays your buyer's phone <em>and</em> the SMS provider. Send
                <code>%s</code> to %s (%s): the provider signs it as a real one would and calls sms:safe's
                <a href="%s">/result</a>, and the reply SMS appears below. A %s session takes %d messages; before the
                last one sms:safe makes the phone wait (%s in this demo): send too early and the message is
                rejected, send after the wait and the session closes. Open the session's status beside this page,
                then see <a href="/payments">what the payment action received</a>.</p>
                """.formatted(escape(rate.textToSend(safe, "order-42")), escape(rate.shortcode()),
                escape(rate.providerName()), escape(site.resolve("result")), escape(rate.providerName()),
                rate.messages(), escape(delay));
    }

    private String form(String msisdn, Rate chosen, String text, TestPhone.Gateway gateway) {
        StringBuilder gateways = new StringBuilder();
        for (TestPhone.Gateway g : TestPhone.Gateway.values()) {
            gateways.append("<option value=\"").append(g.name().toLowerCase(java.util.Locale.ROOT)).append('"')
                    .append(g == gateway ? " selected" : "").append('>')
                    .append(escape(g.label + " → " + site.resolve(g.endpoint).getPath())).append("</option>");
        }
        StringBuilder options = new StringBuilder();
        phone.rates().countries().forEach(country -> {
            options.append("<optgroup label=\"").append(escape(country.name())).append("\">");
            for (Rate rate : country.providers()) {
                options.append("<option value=\"").append(escape(TestPhone.key(rate))).append('"')
                        .append(rate.equals(chosen) ? " selected" : "").append('>')
                        .append(escape(rate.providerName() + " — text " + rate.prefix() + " to " + rate.shortcode()
                                + ", " + rate.price().toPlainString() + " " + rate.currency() + " each, "
                                + rate.messages() + " messages"))
                        .append("</option>");
            }
            options.append("</optgroup>");
        });
        return """
                <form method="post" action="/phone">
                <label for="msisdn">Phone number (international, no +)</label>
                <input id="msisdn" name="msisdn" value="%s" inputmode="numeric" pattern="[0-9]{5,20}" required
                 title="5 to 20 digits, international format without +">
                <label for="gateway">Gateway (who forwards the paid SMS to the site)</label>
                <select id="gateway" name="gateway">%s</select>
                <label for="operator">Country and operator</label>
                <select id="operator" name="operator">%s</select>
                <label for="text">Text</label>
                <input id="text" name="text" value="%s" maxlength="200">
                <button id="send" type="submit">Send</button>
                <button id="retry" type="submit" name="do" value="retry"
                 title="the provider delivers the last message again with the same message_id">Provider retries the
                 last message</button>
                <button id="billing-failed" type="submit" name="do" value="billing-failed"
                 title="Fortumo reports the last Fortumo message as not billed: the site reverses it">Fortumo billing
                 report: failed</button>
                </form>
                """.formatted(escape(msisdn), gateways, options, escape(text));
    }

    private String thread(String msisdn) {
        StringBuilder list = new StringBuilder("<h2>Messages of ").append(escape(msisdn))
                .append("</h2><ol class=\"thread\" id=\"thread\">");
        var messages = phone.thread(msisdn);
        if (messages.isEmpty()) {
            list.append("<li class=\"note\">No messages yet.</li>");
        }
        for (int i = 0; i < messages.size(); i++) {
            PhoneMessage message = messages.get(i);
            String css = switch (message.kind()) {
                case SENT -> "sent";
                case REPLY -> "reply";
                case NOTE -> "note";
            };
            String who = switch (message.kind()) {
                case SENT -> "to " + message.shortcode();
                case REPLY -> "from " + message.shortcode();
                case NOTE -> "sandbox";
            };
            list.append("<li class=\"").append(css).append('"')
                    .append(i == messages.size() - 1 ? " id=\"latest\"" : "").append('>')
                    .append("<span class=\"meta\">").append(escape(who + " · " + TIME.format(message.at())))
                    .append("</span><span class=\"text\">").append(escape(message.text())).append("</span>");
            message.sessionCode().ifPresent(code -> list.append("<br><a class=\"status\" target=\"_blank\" href=\"")
                    .append(escape(site.resolve("check?session=" + code))).append("\">status of session ")
                    .append(escape(code)).append("</a>"));
            list.append("</li>");
        }
        return list.append("</ol>").toString();
    }
}
