package lt.smssafe.demo.sandbox;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lt.smssafe.rates.Rate;
import lt.smssafe.rates.RateTable;
import lt.smssafe.testing.FakeGateway;
import lt.smssafe.testing.FakeProvider;

/**
 * Phones and the SMS provider they pay through, in one: a phone sends {@code <prefix> <safe> <content>} to an
 * operator's short number; the provider strips the prefix and safe id, signs the eleven parameters exactly as
 * PROTOCOL.md §2 says (with the production signer) and calls the site's {@code /result}; a 200's body goes back to
 * the phone as the reply SMS. Every phone keeps its message list.
 */
final class TestPhone {
    /** The gateway a phone's operator forwards its paid SMS through, and the site's endpoint for it. */
    enum Gateway {
        SMSSAFE("sms:safe", "result"), FORTUMO("Fortumo", "fortumo"), PAYSERA("Paysera", "paysera");

        final String label;
        final String endpoint;

        Gateway(String label, String endpoint) {
            this.label = label;
            this.endpoint = endpoint;
        }

        static Gateway parse(String value) {
            for (Gateway gateway : values()) {
                if (gateway.name().equalsIgnoreCase(value)) {
                    return gateway;
                }
            }
            return SMSSAFE;
        }
    }

    private final RateTable rates;
    private final FakeProvider provider;
    private final FakeGateway.Fortumo fortumo;
    private final FakeGateway.Paysera paysera;
    private final Clock clock;
    /** Per phone, the last message delivered through Fortumo, for its billing report. */
    private final Map<String, Map<String, String>> lastFortumo = new ConcurrentHashMap<>();
    private final Map<String, List<PhoneMessage>> threads = new ConcurrentHashMap<>();
    /** Per phone, the parameters of the last SMS delivered to the site, for a provider's retry. */
    private final Map<String, Map<String, String>> lastDelivered = new ConcurrentHashMap<>();

    /**
     * @param provider signs and calls the site's {@code /result}, as the tests' fake provider does
     * @param fortumo and {@code paysera} sign and call the site's {@code /fortumo} and {@code /paysera} as the live
     *     gateways do
     */
    TestPhone(RateTable rates, FakeProvider provider, FakeGateway.Fortumo fortumo, FakeGateway.Paysera paysera,
            Clock clock) {
        this.rates = rates;
        this.provider = provider;
        this.fortumo = fortumo;
        this.paysera = paysera;
        this.clock = clock;
    }

    RateTable rates() {
        return rates;
    }

    /** The phone's messages, oldest first. */
    List<PhoneMessage> thread(String msisdn) {
        List<PhoneMessage> thread = threads.get(msisdn);
        if (thread == null) {
            return List.of();
        }
        synchronized (thread) {
            return List.copyOf(thread);
        }
    }

    /**
     * The phone sends {@code text} to the short number of its operator {@code rate}, whose gateway forwards it. A
     * live gateway strips only its keyword (the rates' prefix) and signs in its own way; Paysera's {@code OK } in
     * front of the reply is the gateway's, not the buyer's, and is stripped as Paysera does.
     */
    void send(String msisdn, Rate rate, String text, Gateway gateway) {
        if (gateway == Gateway.SMSSAFE) {
            send(msisdn, rate, text);
            return;
        }
        add(msisdn, PhoneMessage.sent(clock.instant(), rate.shortcode(), text));
        String[] words = text.strip().split("\\s+", 2);
        if (!words[0].equalsIgnoreCase(rate.prefix())) {
            add(msisdn, PhoneMessage.reply(clock.instant(), rate.shortcode(), "Unknown keyword. Send "
                    + rate.prefix() + " <text> to " + rate.shortcode() + "."));
            return;
        }
        String id = gateway.name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID();
        String content = words.length == 2 ? words[1] : "";
        try {
            HttpResponse<String> answer;
            if (gateway == Gateway.FORTUMO) {
                Map<String, String> message = fortumo.at(fortumo.message(id, msisdn, content,
                        rate.price().toPlainString(), false), rate.country(), rate.provider(), rate.shortcode());
                message.put("currency", rate.currency());
                lastFortumo.put(msisdn, message);
                answer = fortumo.send(message);
            } else {
                Map<String, String> fields = paysera.message(id, msisdn, content,
                        rate.price().movePointRight(2).intValueExact(), false);
                fields.put("sms", text.strip());
                fields.put("key", rate.prefix());
                fields.put("to", rate.shortcode());
                fields.put("operator", rate.provider());
                fields.put("country", rate.country().toUpperCase(java.util.Locale.ROOT));
                fields.put("currency", rate.currency());
                answer = paysera.send(fields);
            }
            show(msisdn, rate.shortcode(), gateway, answer);
        } catch (UncheckedIOException e) {
            add(msisdn, PhoneMessage.note(clock.instant(), rate.shortcode(), gateway.label
                    + " could not reach the site (" + e.getCause() + "); it would try again later."));
        }
    }

    /** Fortumo reports the phone's last Fortumo message as not billed after all: the site reverses it. */
    boolean reportLastFailed(String msisdn) {
        Map<String, String> message = lastFortumo.get(msisdn);
        if (message == null) {
            return false;
        }
        HttpResponse<String> answer = fortumo.send(fortumo.report(message, "failed"));
        add(msisdn, PhoneMessage.note(clock.instant(), message.get("shortcode"), "Fortumo's billing report: "
                + message.get("message_id") + " failed (not billed). The site answered " + answer.statusCode() + " "
                + answer.body() + "."));
        return true;
    }

    private void show(String msisdn, String shortcode, Gateway gateway, HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            add(msisdn, PhoneMessage.note(clock.instant(), shortcode, "The site answered " + answer.statusCode()
                    + " " + answer.body() + ": " + gateway.label + " sends no reply SMS."));
            return;
        }
        String body = answer.body();
        String reply = gateway == Gateway.PAYSERA && body.startsWith("OK ") ? body.substring(3) : body;
        add(msisdn, PhoneMessage.reply(clock.instant(), shortcode, reply));
    }

    /** The phone sends {@code text} to the short number of its operator {@code rate}, through sms:safe. */
    void send(String msisdn, Rate rate, String text) {
        add(msisdn, PhoneMessage.sent(clock.instant(), rate.shortcode(), text));
        String[] words = text.strip().split("\\s+", 3);
        if (words.length < 2 || !words[0].equalsIgnoreCase(rate.prefix()) || !words[1].matches("\\d{1,10}")) {
            // a real provider answers an unknown keyword itself, free of charge, and never calls the site
            add(msisdn, PhoneMessage.reply(clock.instant(), rate.shortcode(), "Unknown keyword. Send "
                    + rate.prefix() + " <service number> <text> to " + rate.shortcode() + "."));
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("safe", words[1]);
        parameters.put("message_id", "sandbox-" + UUID.randomUUID());
        parameters.put("msisdn", msisdn);
        parameters.put("country", rate.country());
        parameters.put("provider", rate.provider());
        parameters.put("shortcode", rate.shortcode());
        parameters.put("content", words.length == 3 ? words[2] : "");
        parameters.put("cost_local", rate.price().toPlainString());
        parameters.put("currency", rate.currency());
        lastDelivered.put(msisdn, parameters);
        deliver(msisdn, parameters);
    }

    /** The provider delivers the phone's last SMS again, as providers do when unsure it arrived. */
    boolean retryLast(String msisdn) {
        Map<String, String> parameters = lastDelivered.get(msisdn);
        if (parameters == null) {
            return false;
        }
        add(msisdn, PhoneMessage.note(clock.instant(), parameters.get("shortcode"), "The provider delivers "
                + parameters.get("message_id") + " again, signed anew (a retry); the site must answer as before"
                + " and count nothing twice."));
        deliver(msisdn, parameters);
        return true;
    }

    /**
     * Operators in feed order, for the page's choice: the sms:safe entries, one per operator (the feed's Fortumo and
     * Paysera entries name the same operators; the page picks the gateway on its own).
     */
    List<Rate> operators() {
        List<Rate> all = new ArrayList<>();
        rates.countries().forEach(country -> country.providers().stream()
                .filter(rate -> rate.gateway() == lt.smssafe.rates.Gateway.SMSSAFE).forEach(all::add));
        return all;
    }

    Optional<Rate> operator(String key) {
        return operators().stream().filter(rate -> key(rate).equals(key)).findFirst();
    }

    static String key(Rate rate) {
        return rate.country() + "/" + rate.provider();
    }

    private void deliver(String msisdn, Map<String, String> unsigned) {
        Map<String, String> parameters = new LinkedHashMap<>(unsigned);
        parameters.put("time", String.valueOf(clock.instant().getEpochSecond()));
        String shortcode = parameters.get("shortcode");
        try {
            HttpResponse<String> answer = provider.get(provider.signed(parameters));
            if (answer.statusCode() == 200) {
                add(msisdn, PhoneMessage.reply(clock.instant(), shortcode, answer.body()));
            } else {
                add(msisdn, PhoneMessage.note(clock.instant(), shortcode, "The site answered "
                        + answer.statusCode() + " " + answer.body() + ": the provider sends no reply SMS."));
            }
        } catch (UncheckedIOException e) {
            add(msisdn, PhoneMessage.note(clock.instant(), shortcode, "The provider could not reach the site ("
                    + e.getCause() + "); it would try again later."));
        }
    }

    private void add(String msisdn, PhoneMessage message) {
        List<PhoneMessage> thread = threads.computeIfAbsent(msisdn, m -> new ArrayList<>());
        synchronized (thread) {
            thread.add(message);
        }
    }
}
