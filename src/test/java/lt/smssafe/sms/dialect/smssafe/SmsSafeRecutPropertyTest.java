package lt.smssafe.sms.dialect.smssafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.signing.TimeWindow;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import org.junit.jupiter.api.Test;

/**
 * The one way to cut a canonical string (docs/protocol.md §2), as a property: whoever holds one genuine signed
 * notification, whose buyer texted a hostile {@code content}, cannot cut its canonical string into another
 * notification that {@code /result} accepts with another message id or any other value.
 *
 * <p>Seeded, so every run tries the same requests. Each genuine request is signed with the production signer; every
 * other way to split its canonical string at {@code ::} into the ten fields (the same canonical string, so the same
 * {@code sign}) is a re-cut. Only the fields that are not {@code message_id} and not {@code content} are held to
 * their §2 forms while cutting, to keep the search small: the form of {@code message_id} is what is under test.
 */
class SmsSafeRecutPropertyTest {
    private static final long SAFE = 1234;
    private static final Passkey PASSKEY = Passkey.of("s3cr3t-passkey");
    private static final Instant NOW = Instant.ofEpochSecond(1_763_805_600);
    private static final int REQUESTS = 400;
    private static final List<String> FIELDS = NotificationSigner.SIGNED_PARAMETERS;
    /** The §2 forms of the fields a cut must still fit; {@code null}: any text (message_id, content). */
    private static final List<Pattern> CUT_FORMS = java.util.Arrays.asList(Pattern.compile("\\d{1,10}"), null,
            Pattern.compile("\\d{5,20}"), Pattern.compile("[A-Za-z]{2}"), Pattern.compile("[a-z0-9_]{1,32}"),
            Pattern.compile("\\d{1,10}"), null, Pattern.compile("\\d{1,8}(\\.\\d{1,2})?"),
            Pattern.compile("[A-Za-z]{3}"), Pattern.compile("\\d{1,12}"));
    private static final String[] TOKENS = {"::", "::", "::", ":", "=", "&", "%3D", "%3A%3A", "message_id", "msisdn",
        "content", " ", "x", "ok", "1.45", "EUR", "1763805600", "lt", "LV", "bite_lt", "1337", "370"};

    private final SignatureScheme[] schemes = SignatureScheme.values();

    @Test
    void noReCutOfAGenuineNotificationIsAcceptedWithOtherValues() {
        Random random = new Random(21);
        List<String> accepted = new ArrayList<>();
        int recuts = 0;
        for (int i = 0; i < REQUESTS; i++) {
            SignatureScheme scheme = schemes[i % schemes.length];
            SmsSafeDialect dialect = dialect(scheme);
            Map<String, String> genuine = genuine(random);
            String canonical = String.join("::", FIELDS.stream().map(genuine::get).toList());
            String sign = new NotificationSigner(scheme, PASSKEY).sign(canonical);
            Notification original = read(dialect, genuine, sign);
            assertThat(original).as("the genuine request %s", genuine).isNotNull();
            for (List<String> cut : cuts(canonical)) {
                Map<String, String> recut = new LinkedHashMap<>();
                for (int f = 0; f < FIELDS.size(); f++) {
                    recut.put(FIELDS.get(f), cut.get(f));
                }
                if (recut.equals(genuine)) {
                    continue;
                }
                recuts++;
                assertThat(new NotificationSigner(scheme, PASSKEY).sign(recut)).isEqualTo(sign);
                Notification read = read(dialect, recut, sign);
                if (read != null && !sameValues(read, original)) {
                    accepted.add(recut + " read as message_id " + read.messageId());
                }
            }
        }
        assertThat(recuts).as("re-cuts tried").isGreaterThan(REQUESTS / 4);
        assertThat(accepted).as("re-cuts accepted with other values (of %d tried)", recuts).isEmpty();
    }

    private static SmsSafeDialect dialect(SignatureScheme scheme) {
        return new SmsSafeDialect(new NotificationGate(SAFE, new NotificationSigner(scheme, PASSKEY),
                new TimeWindow(Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC)), AddressFilter.allowAll()));
    }

    /** A notification as the sms:safe gateway sends it, its content written by a hostile buyer. */
    private static Map<String, String> genuine(Random random) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("safe", String.valueOf(SAFE));
        p.put("message_id", random.nextBoolean() ? "m-" + random.nextInt(100_000)
                : "gw:" + Long.toHexString(random.nextLong() & 0xffffffffL) + ":" + random.nextInt(10));
        p.put("msisdn", "3706" + (1_000_000 + random.nextInt(9_000_000)));
        p.put("country", random.nextBoolean() ? "lt" : "LT");
        p.put("provider", random.nextBoolean() ? "bite_lt" : "tele2");
        p.put("shortcode", String.valueOf(1000 + random.nextInt(9000)));
        p.put("content", hostileContent(random));
        p.put("cost_local", random.nextBoolean() ? "1.45" : "2");
        p.put("currency", "EUR");
        p.put("time", String.valueOf(NOW.getEpochSecond()));
        return p;
    }

    /**
     * What a buyer who knows the format texts: most often the fields that follow {@code message_id} written again
     * inside the content (another phone, another operator), so that a {@code message_id} that swallows the real ones
     * leaves well-formed fields behind; otherwise a soup of separators, {@code =}, {@code &}, escapes and names.
     */
    private static String hostileContent(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(3) > 0) {
            text.append(List.of("", "x", "a:b", "9").get(random.nextInt(4)));
            text.append("::3706").append(1_000_000 + random.nextInt(9_000_000)).append("::lv::bite_lt::1337::");
        }
        int tokens = random.nextInt(8);
        for (int i = 0; i < tokens; i++) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return text.toString();
    }

    /** Every split of the canonical string at ten fields' worth of {@code ::}, the fixed-form fields in form. */
    private static List<List<String>> cuts(String canonical) {
        List<List<String>> cuts = new ArrayList<>();
        split(canonical, 0, new ArrayList<>(), cuts);
        return cuts;
    }

    private static void split(String canonical, int from, List<String> fields, List<List<String>> cuts) {
        int field = fields.size();
        if (field == FIELDS.size() - 1) {
            add(canonical.substring(from), fields, cuts);
            return;
        }
        for (int at = canonical.indexOf("::", from); at >= 0; at = canonical.indexOf("::", at + 1)) {
            String value = canonical.substring(from, at);
            Pattern form = CUT_FORMS.get(field);
            if (form != null && !form.matcher(value).matches()) {
                if (value.contains("::")) {
                    return;
                }
                continue;
            }
            fields.add(value);
            split(canonical, at + 2, fields, cuts);
            fields.remove(fields.size() - 1);
        }
    }

    private static void add(String last, List<String> fields, List<List<String>> cuts) {
        if (CUT_FORMS.get(FIELDS.size() - 1).matcher(last).matches()) {
            List<String> cut = new ArrayList<>(fields);
            cut.add(last);
            cuts.add(cut);
        }
    }

    private static Notification read(SmsSafeDialect dialect, Map<String, String> values, String sign) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, value) -> parameters.put(name, new String[] {value}));
        parameters.put("sign", new String[] {sign});
        try {
            return dialect.read(new GatewayRequest("192.0.2.10", parameters));
        } catch (RejectedRequestException refused) {
            return null;
        }
    }

    private static boolean sameValues(Notification a, Notification b) {
        return a.safeId() == b.safeId() && a.messageId().equals(b.messageId()) && a.msisdn().equals(b.msisdn())
                && a.country().equals(b.country()) && a.operator().equals(b.operator())
                && a.shortcode().equals(b.shortcode()) && a.content().equals(b.content())
                && a.cost().equals(b.cost()) && a.currency().equals(b.currency())
                && a.gatewayTime() == b.gatewayTime();
    }
}
