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
import lt.smssafe.testing.FakeLiveGateway;
import lt.smssafe.testing.FakeSmsSafeGateway;

/**
 * Phones and the gateways they pay through, in one. Through sms:safe a phone sends {@code <prefix> <safe> <content>}
 * to its operator's short number; the gateway strips the prefix and safe id, signs the eleven parameters exactly as
 * docs/protocol.md §2 says (with the production signer) and calls the site's {@code /result}. Through Fortumo it sends
 * {@code <keyword> <content>} ({@code TXT SAFE order-42}) to the number of the operator's Fortumo entry; Fortumo
 * routes by the keyword and passes it as {@code keyword}, the rest as {@code message}. Through Paysera it sends
 * {@code <keyword> <content>} and Paysera passes the whole SMS as {@code sms} with the keyword as {@code key}
 * (docs/protocol.md §5, "What content is"). A 200's body goes back to the phone as the reply SMS. Every phone keeps its
 * message list.
 */
final class TestPhone {
    /** The gateway a phone's operator forwards its paid SMS through, and the site's endpoint for it. */
    enum Gateway {
        SMSSAFE("sms:safe", "result", lt.smssafe.rates.Gateway.SMSSAFE),
        FORTUMO("Fortumo", "fortumo", lt.smssafe.rates.Gateway.FORTUMO),
        PAYSERA("Paysera", "paysera", lt.smssafe.rates.Gateway.PAYSERA);

        final String label;
        final String endpoint;
        /** Whose entries in the rates tell this gateway's number, keyword and price. */
        final lt.smssafe.rates.Gateway rates;

        Gateway(String label, String endpoint, lt.smssafe.rates.Gateway rates) {
            this.label = label;
            this.endpoint = endpoint;
            this.rates = rates;
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
    private final FakeSmsSafeGateway smsSafe;
    private final FakeLiveGateway.Fortumo fortumo;
    private final FakeLiveGateway.Paysera paysera;
    private final Clock clock;
    /** Per phone, the last message delivered through Fortumo, for its billing report. */
    private final Map<String, Map<String, String>> lastFortumo = new ConcurrentHashMap<>();
    private final Map<String, List<PhoneMessage>> threads = new ConcurrentHashMap<>();
    /** Per phone, the parameters of the last SMS delivered to the site, for a gateway's retry. */
    private final Map<String, Map<String, String>> lastDelivered = new ConcurrentHashMap<>();

    /**
     * @param smsSafe signs and calls the site's {@code /result}, as the sms:safe gateway does
     * @param fortumo and {@code paysera} sign and call the site's {@code /fortumo} and {@code /paysera} as the live
     *     gateways do
     */
    TestPhone(RateTable rates, FakeSmsSafeGateway smsSafe, FakeLiveGateway.Fortumo fortumo,
            FakeLiveGateway.Paysera paysera, Clock clock) {
        this.rates = rates;
        this.smsSafe = smsSafe;
        this.fortumo = fortumo;
        this.paysera = paysera;
        this.clock = clock;
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
     * The rates entry the phone of this operator pays through on this gateway (its number, keyword, price and N),
     * if the rates have one: the operator's own or the gateway's entry for every operator of the country.
     */
    Optional<Rate> entry(Rate operator, Gateway gateway) {
        return rates.find(gateway.rates, operator.country(), operator.operator());
    }

    /**
     * The phone of operator {@code operator} sends {@code text} to the number of its entry for {@code gateway}, which
     * forwards it. A live gateway routes by its keyword (the entry's prefix, which may be two words) and signs in its
     * own way; Paysera's {@code OK } in front of the reply is the gateway's, not the buyer's, and is stripped as
     * Paysera does.
     */
    void send(String msisdn, Rate operator, String text, Gateway gateway) {
        Optional<Rate> entry = entry(operator, gateway);
        if (entry.isEmpty()) {
            add(msisdn, PhoneMessage.note(clock.instant(), "-", "The rates give " + operator.operatorName()
                    + " no " + gateway.label + " number: its phones cannot pay through " + gateway.label + "."));
            return;
        }
        Rate rate = entry.get();
        if (gateway == Gateway.SMSSAFE) {
            send(msisdn, rate, text);
            return;
        }
        add(msisdn, PhoneMessage.sent(clock.instant(), rate.shortcode(), text));
        Optional<String> content = afterKeyword(text, rate.prefix());
        if (content.isEmpty()) {
            add(msisdn, PhoneMessage.reply(clock.instant(), rate.shortcode(), "Unknown keyword. Send "
                    + rate.prefix() + " <text> to " + rate.shortcode() + "."));
            return;
        }
        String id = gateway.name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID();
        try {
            HttpResponse<String> answer;
            if (gateway == Gateway.FORTUMO) {
                // Fortumo: the keyword it routed by in keyword, what the buyer typed after it in message
                Map<String, String> message = fortumo.at(fortumo.message(id, msisdn, content.get(),
                        rate.price().toPlainString(), false), rate.country(), rate.operator(), rate.shortcode());
                message.put("keyword", rate.prefix());
                message.put("currency", rate.currency());
                lastFortumo.put(msisdn, message);
                answer = fortumo.send(message);
            } else {
                // Paysera: the whole SMS in sms, the keyword in key
                Map<String, String> fields = paysera.message(id, msisdn, content.get(),
                        rate.price().movePointRight(2).intValueExact(), false);
                fields.put("sms", text.strip());
                fields.put("key", rate.prefix());
                fields.put("to", rate.shortcode());
                fields.put("operator", rate.operator());
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

    /**
     * What follows the keyword in the SMS, as a gateway that routes by it reads it: the keyword's words must open the
     * text, in any case and with any spaces between them; empty when they do not.
     */
    static Optional<String> afterKeyword(String text, String keyword) {
        String[] typed = text.strip().split("\\s+");
        String[] words = keyword.strip().split("\\s+");
        if (typed.length < words.length) {
            return Optional.empty();
        }
        for (int i = 0; i < words.length; i++) {
            if (!typed[i].equalsIgnoreCase(words[i])) {
                return Optional.empty();
            }
        }
        String rest = text.strip();
        for (String word : words) {
            rest = rest.substring(word.length()).stripLeading();
        }
        return Optional.of(rest);
    }

    /** The phone sends {@code text} to the short number of its sms:safe entry {@code rate}. */
    private void send(String msisdn, Rate rate, String text) {
        add(msisdn, PhoneMessage.sent(clock.instant(), rate.shortcode(), text));
        String[] words = text.strip().split("\\s+", 3);
        if (words.length < 2 || !words[0].equalsIgnoreCase(rate.prefix()) || !words[1].matches("\\d{1,10}")) {
            // a real gateway answers an unknown keyword itself, free of charge, and never calls the site
            add(msisdn, PhoneMessage.reply(clock.instant(), rate.shortcode(), "Unknown keyword. Send "
                    + rate.prefix() + " <service number> <text> to " + rate.shortcode() + "."));
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("safe", words[1]);
        parameters.put("message_id", "sandbox-" + UUID.randomUUID());
        parameters.put("msisdn", msisdn);
        parameters.put("country", rate.country());
        parameters.put("provider", rate.operator());
        parameters.put("shortcode", rate.shortcode());
        parameters.put("content", words.length == 3 ? words[2] : "");
        parameters.put("cost_local", rate.price().toPlainString());
        parameters.put("currency", rate.currency());
        lastDelivered.put(msisdn, parameters);
        deliver(msisdn, parameters);
    }

    /** The gateway delivers the phone's last SMS again, as gateways do when unsure it arrived. */
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
     * Operators in the rates' order, one per country and operator, for the page's choice: each operator's first
     * entry of any gateway (the page picks the gateway on its own, {@link #entry} the operator's entry for it). An
     * entry for every operator of a country is a gateway's, not an operator a phone belongs to.
     */
    List<Rate> operators() {
        Map<String, Rate> all = new LinkedHashMap<>();
        rates.countries().forEach(country -> country.entries().stream().filter(rate -> !rate.allOperators())
                .forEach(rate -> all.putIfAbsent(key(rate), rate)));
        return new ArrayList<>(all.values());
    }

    Optional<Rate> operator(String key) {
        return operators().stream().filter(rate -> key(rate).equals(key)).findFirst();
    }

    static String key(Rate rate) {
        return rate.country() + "/" + rate.operator();
    }

    private void deliver(String msisdn, Map<String, String> unsigned) {
        Map<String, String> parameters = new LinkedHashMap<>(unsigned);
        parameters.put("time", String.valueOf(clock.instant().getEpochSecond()));
        String shortcode = parameters.get("shortcode");
        try {
            HttpResponse<String> answer = smsSafe.get(smsSafe.signed(parameters));
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
