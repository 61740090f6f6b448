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
import lt.smssafe.testing.FakeProvider;

/**
 * Phones and the SMS provider they pay through, in one: a phone sends {@code <prefix> <safe> <content>} to an
 * operator's short number; the provider strips the prefix and safe id, signs the eleven parameters exactly as
 * PROTOCOL.md §2 says (with the production signer) and calls the site's {@code /result}; a 200's body goes back to
 * the phone as the reply SMS. Every phone keeps its message list.
 */
final class TestPhone {
    private final RateTable rates;
    private final FakeProvider provider;
    private final Clock clock;
    private final Map<String, List<PhoneMessage>> threads = new ConcurrentHashMap<>();
    /** Per phone, the parameters of the last SMS delivered to the site, for a provider's retry. */
    private final Map<String, Map<String, String>> lastDelivered = new ConcurrentHashMap<>();

    /** @param provider signs and calls the site's {@code /result}, as the tests' fake provider does */
    TestPhone(RateTable rates, FakeProvider provider, Clock clock) {
        this.rates = rates;
        this.provider = provider;
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

    /** The phone sends {@code text} to the short number of its operator {@code rate}. */
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

    /** Operators in feed order, for the page's choice. */
    List<Rate> operators() {
        List<Rate> all = new ArrayList<>();
        rates.countries().forEach(country -> all.addAll(country.providers()));
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
