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
import lt.smssafe.sms.dialect.FormQuery;

/**
 * {@code /phone}: type a phone number, pick the gateway and the operator, type the text and send; the message list
 * shows what the phone sent and every reply SMS, like a phone does, with a link to the status page of the session a
 * reply names. The text starts as what {@code /check} tells a buyer of that operator and gateway to send for
 * {@code order-42} ({@code SAFE 1234 order-42}, {@code TXT SAFE order-42}, {@code SAFE order-42}), and follows the
 * choice of gateway and operator (a line of script; without it, the page after a send has it).
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
        TestPhone.Gateway gateway = TestPhone.Gateway.parse(form.getOrDefault("gateway", ""));
        String text = form.getOrDefault("text", primerText(chosen, gateway));
        Exchanges.html(exchange, Html.page("Test phone", guide(chosen, gateway) + form(msisdn, chosen, text, gateway)
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
        Exchanges.redirect(exchange, "/phone?" + FormQuery.of(back) + "#latest");
    }

    /** What the primer tells a buyer of this operator to send through this gateway, or nothing without an entry. */
    private String primerText(Rate operator, TestPhone.Gateway gateway) {
        return phone.entry(operator, gateway).map(rate -> rate.textToSend(safe, "order-42")).orElse("");
    }

    /** The operator with the fewest messages per session: the shortest story to try first. */
    private Rate quickest() {
        return phone.operators().stream().min(Comparator.comparingInt(Rate::messages))
                .orElseThrow(() -> new IllegalStateException("the sample rates list no operator"));
    }

    private String guide(Rate operator, TestPhone.Gateway gateway) {
        Rate rate = phone.entry(operator, gateway).orElse(operator);
        return """
                <p class="notice">This page plays your buyer's phone <em>and</em> the gateway. Send
                <code>%s</code> to %s (%s through %s): the gateway signs it as the real one would and calls
                sms:safe's <a href="%s">%s</a>, and the reply SMS appears below. A %s session takes %d messages;
                before the last one sms:safe makes the phone wait (%s in this demo): send too early and the message
                is rejected, send after the wait and the session closes. Open the session's status beside this page,
                then see <a href="/payments">what the payment action received</a>: <code>order-42</code> through
                every gateway.</p>
                """.formatted(escape(rate.textToSend(safe, "order-42")), escape(rate.shortcode()),
                escape(rate.operatorName()), escape(gateway.label), escape(site.resolve(gateway.endpoint)),
                escape("/" + gateway.endpoint), escape(rate.operatorName()), rate.messages(), escape(delay));
    }

    private String form(String msisdn, Rate chosen, String text, TestPhone.Gateway gateway) {
        StringBuilder gateways = new StringBuilder();
        for (TestPhone.Gateway g : TestPhone.Gateway.values()) {
            gateways.append("<option value=\"").append(g.name().toLowerCase(java.util.Locale.ROOT)).append('"')
                    .append(g == gateway ? " selected" : "").append('>')
                    .append(escape(g.label + " → " + site.resolve(g.endpoint).getPath())).append("</option>");
        }
        StringBuilder options = new StringBuilder();
        String country = null;
        for (Rate operator : phone.operators()) {
            if (!operator.country().equals(country)) {
                options.append(country == null ? "" : "</optgroup>").append("<optgroup label=\"")
                        .append(escape(operator.countryName())).append("\">");
                country = operator.country();
            }
            // each gateway's text for the line of script that refills the text field
            options.append("<option value=\"").append(escape(TestPhone.key(operator))).append('"');
            for (TestPhone.Gateway g : TestPhone.Gateway.values()) {
                options.append(" data-").append(g.name().toLowerCase(java.util.Locale.ROOT)).append("=\"")
                        .append(escape(primerText(operator, g))).append('"');
            }
            options.append(operator.equals(chosen) ? " selected" : "").append('>')
                    .append(escape(operator.operatorName() + " — " + offers(operator))).append("</option>");
        }
        options.append(country == null ? "" : "</optgroup>");
        return """
                <form method="post" action="/phone">
                <label for="msisdn">Phone number (international, no +)</label>
                <input id="msisdn" name="msisdn" value="%s" inputmode="numeric" pattern="[0-9]{5,20}" required
                 title="5 to 20 digits, international format without +">
                <label for="gateway">Gateway (who forwards the paid SMS to the site)</label>
                <select id="gateway" name="gateway" onchange="refill()">%s</select>
                <label for="operator">Country and operator</label>
                <select id="operator" name="operator" onchange="refill()">%s</select>
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
                <script>
                function refill() {
                  var operator = document.getElementById('operator');
                  var gateway = document.getElementById('gateway').value;
                  document.getElementById('text').value = operator.options[operator.selectedIndex].dataset[gateway];
                }
                </script>
                """.formatted(escape(msisdn), gateways, options, escape(text));
    }

    /** Each gateway the operator's phones can pay through: number, price each and N, as the rates give them. */
    private String offers(Rate operator) {
        StringBuilder offers = new StringBuilder();
        for (TestPhone.Gateway g : TestPhone.Gateway.values()) {
            phone.entry(operator, g).ifPresent(rate -> offers.append(offers.length() == 0 ? "" : "; ")
                    .append(g.label).append(' ').append(rate.shortcode()).append(", ")
                    .append(rate.price().toPlainString()).append(' ').append(rate.currency()).append(" × ")
                    .append(rate.messages()));
        }
        return offers.toString();
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
