package lt.smssafe.sms.dialect.fortumo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.GatewayEvent;
import lt.smssafe.sms.PaidMessage;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.GatewayMessage;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.TestPolicy;
import org.junit.jupiter.api.Test;

/**
 * Fortumo's signed string has one reading that {@code /fortumo} accepts (docs/protocol.md §8.1), as a property: whoever
 * holds one genuine signed request, whose buyer texted a hostile {@code message}, cannot cut its signed string into
 * another request that the dialect accepts with another message id or any other value.
 *
 * <p>Seeded, so every run tries the same requests. Each genuine request (a paid message or a billing report) is
 * signed with the production signer. Its re-cuts are every other reading of the same signed string
 * {@code name=value name=value…}: a name runs from where the previous value ends to the next {@code =}; a value may
 * end anywhere, {@code =} or not, so boundaries move both ways, names appear and vanish, values split and merge.
 * Only what the signature itself demands is kept: names strictly ascending (the signer sorts them, so any other
 * order signs another string). To keep the search small, readings are not followed that skip a parameter the
 * status requires or give a parameter a value outside the form it had before issue 21 (every form then was looser
 * than or equal to today's, so nothing the dialect accepts is left out). Each reading is sent with the genuine
 * {@code sig}; every one the dialect accepts must read as the genuine one does.
 */
class FortumoRecutPropertyTest {
    private static final String SECRET = "fortumo-secret-1";
    private static final String SERVICE = "f7fa12b381d290e268f99e382578d64a";
    private static final int REQUESTS = 100;
    /** Enough for every reading of the requests below; a request with more fails the test rather than skip any. */
    private static final int MAX_READINGS = 200_000;
    private static final Set<String> REQUIRED_ALWAYS = Set.of("message_id", "status");
    private static final Set<String> REQUIRED_PAID = Set.of("message", "sender", "country", "price", "currency",
            "shortcode", "message_id", "status");
    private static final String[] TOKENS = {"=", "=", "&", "%3D", "::", ":", " ", "message_id=", "message_id",
        "operator=", "operator", "price=", "sender=", "status=pending", "test=true", "o", "p", "z", "A1", "1",
        "message_idz=", "sage_id=", "_id=", "mes", "opz", "message_a=", "message-", "n="};
    /** The forms before issue 21: {@code sender}, {@code keyword} and {@code operator} could hold {@code =}. */
    private static final Map<String, Pattern> FORMS = Map.ofEntries(
            Map.entry("message", Pattern.compile("(?s).{0,160}")),
            Map.entry("sender", Pattern.compile("[A-Za-z0-9+#=_.:-]{1,64}|\\s*")),
            Map.entry("country", Pattern.compile("[A-Za-z]{2}")),
            Map.entry("price", Pattern.compile("\\d{1,8}(\\.\\d{1,2})?")),
            Map.entry("price_wo_vat", Pattern.compile("\\d{1,8}(\\.\\d{1,4})?")),
            Map.entry("currency", Pattern.compile("[A-Za-z]{3}")),
            Map.entry("service_id", Pattern.compile("[A-Za-z0-9]{1,64}")),
            Map.entry("message_id", Pattern.compile("[A-Za-z0-9._:-]{1,64}")),
            Map.entry("keyword", Pattern.compile("(?s).{0,64}")),
            Map.entry("shortcode", Pattern.compile("[A-Za-z0-9]{1,10}")),
            Map.entry("operator", Pattern.compile("(?s).{0,128}")),
            Map.entry("billing_type", Pattern.compile("(?i)MO|MT")),
            Map.entry("status", Pattern.compile("(?i)pending|ok|failed")),
            Map.entry("test", Pattern.compile("(?i)true|false")));
    private static final Set<String> EQUALS_ALLOWED = Set.of("message", "sender", "keyword", "operator");
    private static final String[] OPERATORS = {"Tele2 LT", "Bite", "Elisa", "Telia", "LMT", "operator"};

    private final FortumoDialect strict = new FortumoDialect(
            new FortumoConfig(SECRET, Optional.of(SERVICE), TestPolicy.ACCEPT), AddressFilter.allowAll());
    private final FortumoDialect loose = new FortumoDialect(
            new FortumoConfig(SECRET, Optional.empty(), TestPolicy.ACCEPT), AddressFilter.allowAll());

    @Test
    void noReCutOfAGenuineRequestIsAcceptedWithOtherValues() {
        Random random = new Random(21);
        List<String> accepted = new ArrayList<>();
        int recuts = 0;
        for (int i = 0; i < REQUESTS; i++) {
            boolean withService = random.nextBoolean();
            FortumoDialect dialect = withService ? strict : loose;
            Map<String, String> genuine = genuine(random, withService);
            String sig = new FortumoSigner(SECRET).sign(genuine);
            Optional<GatewayEvent> original = read(dialect, genuine, sig);
            boolean paid = genuine.get("status").equals("pending");
            List<Map<String, String>> readings = readings(signedString(genuine),
                    paid ? REQUIRED_PAID : REQUIRED_ALWAYS);
            for (Map<String, String> reading : readings) {
                if (reading.equals(new TreeMap<>(genuine))) {
                    continue;
                }
                recuts++;
                assertThat(new FortumoSigner(SECRET).sign(reading)).as("a reading signs as the original")
                        .isEqualTo(sig);
                Optional<GatewayEvent> event = read(dialect, reading, sig);
                if (event.isPresent() && !event.equals(original)) {
                    String recut = reading + " read as " + event.get() + ", the genuine as " + original;
                    // paid messages counted under a new id first: the worst kind
                    boolean doubled = event.get() instanceof GatewayMessage
                            && !event.get().messageId().equals(genuine.get("message_id"));
                    accepted.add(doubled ? 0 : accepted.size(), recut);
                }
            }
        }
        assertThat(recuts).as("re-cuts tried").isGreaterThan(REQUESTS);
        assertThat(accepted.size()).as("re-cuts accepted with other values, of %d tried; the first ones:%n%s", recuts,
                String.join("\n", accepted.subList(0, Math.min(20, accepted.size())))).isZero();
    }

    /** A request as Fortumo sends it: a paid message, sometimes its billing report; the buyer's text hostile. */
    private static Map<String, String> genuine(Random random, boolean withService) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("message", hostileText(random));
        p.put("sender", random.nextBoolean() ? "3706" + (1_000_000 + random.nextInt(9_000_000))
                : "m" + Long.toString(random.nextLong() & 0xffffffffL, 36) + "sf");
        p.put("country", "LT");
        p.put("price", random.nextBoolean() ? "1.45" : "2");
        p.put("price_wo_vat", "1.20");
        p.put("currency", "EUR");
        if (withService || random.nextBoolean()) {
            p.put("service_id", SERVICE);
        }
        p.put("message_id", Long.toHexString(random.nextLong()));
        p.put("keyword", "SAFE");
        p.put("shortcode", "1337");
        p.put("operator", OPERATORS[random.nextInt(OPERATORS.length)]);
        p.put("billing_type", "MO");
        p.put("status", List.of("pending", "pending", "pending", "ok", "failed").get(random.nextInt(5)));
        p.put("test", random.nextBoolean() ? "false" : "true");
        if (random.nextInt(4) == 0) {
            p.put("revenue", "0.80");
        }
        if (!p.get("status").equals("pending") && random.nextBoolean()) {
            // a report may carry only what identifies the message
            p.keySet().retainAll(Set.of("message_id", "status", "service_id", "price", "operator", "test"));
        }
        return p;
    }

    /**
     * What a buyer who knows the format texts: often a whole forged pair {@code message_id=…operator=…} and a
     * tail meant to swallow the real {@code message_id} that follows the text (the issue's
     * {@code Xmessage_id=A1message_idz=} among them, and {@code message_id=FAKEprice=1prz}, where
     * {@code przmessage_id=REALope rator=… rice=… rice_wo_vat=…} reads on through the real pairs in ascending
     * order); otherwise a soup of {@code =}, {@code &}, escapes, {@code ::} and names.
     */
    private static String hostileText(Random random) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "X" : "");
        switch (random.nextInt(5)) {
            case 0 -> text.append("message_id=A1message_idz=");
            case 1 -> text.append("message_id=FAKE").append(random.nextInt(100)).append("operator=Bite")
                    .append(List.of("opz", "mes", "pz", "").get(random.nextInt(4)));
            case 2 -> text.append("message_id=FAKE").append(random.nextInt(100)).append("price=1")
                    .append(List.of("prz", "z", "").get(random.nextInt(3)));
            default -> { }
        }
        int tokens = random.nextInt(6);
        for (int i = 0; i < tokens; i++) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return text.toString();
    }

    /** What Fortumo signs, without the secret: every pair but {@code sig}, sorted by name, no separator. */
    private static String signedString(Map<String, String> parameters) {
        StringBuilder signed = new StringBuilder();
        new TreeMap<>(parameters).forEach((name, value) -> signed.append(name).append('=').append(value));
        return signed.toString();
    }

    /** Every reading of the signed string as ascending {@code name=value} pairs that skips no required name. */
    private static List<Map<String, String>> readings(String signed, Set<String> required) {
        List<Map<String, String>> readings = new ArrayList<>();
        if (required.stream().noneMatch(r -> r.compareTo(signed.substring(0, signed.indexOf('='))) < 0)) {
            read(signed, 0, new TreeMap<>(), null, required, readings);
        }
        return readings;
    }

    /** The readings that go on with a name starting at {@code from}, after the pairs read so far. */
    private static void read(String signed, int from, TreeMap<String, String> pairs, String previous,
            Set<String> required, List<Map<String, String>> readings) {
        if (readings.size() >= MAX_READINGS) {
            throw new AssertionError("more than " + MAX_READINGS + " readings of " + signed);
        }
        int equals = signed.indexOf('=', from);
        String name = signed.substring(from, equals);
        Pattern form = FORMS.get(name);
        // a value of a form without '=' ends before the next one; no form is longer than 160 code points
        int next = signed.indexOf('=', equals + 1);
        int last = form == null || EQUALS_ALLOWED.contains(name) || next < 0 ? signed.length() : next;
        last = form == null ? last : Math.min(last, equals + 1 + 2 * PaidMessage.MAX_CONTENT_CODE_POINTS);
        for (int end = equals + 1; end <= last; end++) {
            boolean lastPair = end == signed.length();
            int nextEquals = lastPair ? -1 : signed.indexOf('=', end);
            if (!lastPair && (nextEquals < 0 || !follows(name, signed.substring(end, nextEquals), required))) {
                continue;
            }
            String value = signed.substring(equals + 1, end);
            if (form != null && !form.matcher(value).matches()) {
                continue;
            }
            pairs.put(name, value);
            if (!lastPair) {
                read(signed, end, pairs, name, required, readings);
            } else if (pairs.keySet().containsAll(required)) {
                readings.add(new TreeMap<>(pairs));
            }
            pairs.remove(name);
        }
    }

    /** Whether a name can follow another in a signed string: after it in sorted order, skipping no required one. */
    private static boolean follows(String previous, String name, Set<String> required) {
        if (name.compareTo(previous) <= 0 || name.equals(FortumoSigner.SIG)) {
            return false;
        }
        return required.stream().noneMatch(r -> r.compareTo(previous) > 0 && r.compareTo(name) < 0);
    }

    private static Optional<GatewayEvent> read(FortumoDialect dialect, Map<String, String> values, String sig) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, value) -> parameters.put(name, new String[] {value}));
        parameters.put(FortumoSigner.SIG, new String[] {sig});
        try {
            return Optional.of(dialect.read(new GatewayRequest("81.20.151.38", parameters)));
        } catch (RejectedRequestException refused) {
            return Optional.empty();
        }
    }
}
