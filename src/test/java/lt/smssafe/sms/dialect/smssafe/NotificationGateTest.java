package lt.smssafe.sms.dialect.smssafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.signing.TimeWindow;
import lt.smssafe.sms.dialect.AddressFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import lt.smssafe.sms.dialect.smssafe.Notification.MalformedNotificationException;

/**
 * Every answer of docs/protocol.md §2 that the gate gives, one test per failure mode, on a fixed clock, with requests
 * signed by the production signer.
 */
class NotificationGateTest {
    private static final long SAFE = 1234;
    private static final Passkey PASSKEY = Passkey.of("s3cr3t-passkey");
    private static final Duration MAX_SKEW = Duration.ofHours(1);
    private static final Instant NOW = Instant.ofEpochSecond(1_763_805_600);
    private static final String CALLER = "192.0.2.10";
    private static final String[] CANONICAL = {"safe", "message_id", "msisdn", "country", "provider", "shortcode",
        "content", "cost_local", "currency", "time"};
    private static final String[] ALL = {"safe", "message_id", "msisdn", "country", "provider", "shortcode",
        "content", "cost_local", "currency", "time", "sign"};

    private final NotificationGate gate = gate(SignatureScheme.HMAC_SHA256, AddressFilter.allowAll(), NOW);

    @Test
    void aWellFormedSignedCurrentNotificationIsAccepted() {
        Verdict verdict = check(gate, CALLER, signed(sms()));

        assertThat(verdict).isInstanceOf(Accepted.class);
        Notification n = ((Accepted) verdict).notification();
        assertThat(n.safeId()).isEqualTo(SAFE);
        assertThat(n.messageId()).isEqualTo("msg-1");
        assertThat(n.msisdn()).isEqualTo("37060000001");
        assertThat(n.country()).isEqualTo("lt");
        assertThat(n.operator()).isEqualTo("bite_lt");
        assertThat(n.shortcode()).isEqualTo("1337");
        assertThat(n.content()).isEqualTo("order-42");
        assertThat(n.cost()).isEqualTo(new BigDecimal("1.45"));
        assertThat(n.currency()).isEqualTo("EUR");
        assertThat(n.gatewayTime()).isEqualTo(NOW.getEpochSecond());
        assertThat(n.canonical())
                .isEqualTo("1234::msg-1::37060000001::lt::bite_lt::1337::order-42::1.45::EUR::1763805600");
    }

    // --- 403 forbidden

    @Test
    void aCallerOutsideNotifyAllowIsForbidden() {
        NotificationGate guarded = gate(SignatureScheme.HMAC_SHA256, AddressFilter.parse("10.0.0.0/8"), NOW);

        assertThat(check(guarded, CALLER, signed(sms()))).isEqualTo(new Rejected(403, "forbidden"));
        assertThat(check(guarded, "10.1.2.3", signed(sms()))).isInstanceOf(Accepted.class);
    }

    @Test
    void aForbiddenCallerIsToldNothingAboutItsParameters() {
        NotificationGate guarded = gate(SignatureScheme.HMAC_SHA256, AddressFilter.parse("10.0.0.0/8"), NOW);

        assertThat(check(guarded, CALLER, Map.of("safe", new String[] {"x"})))
                .isEqualTo(new Rejected(403, "forbidden"));
    }

    // --- 400 bad request

    @ParameterizedTest
    @ValueSource(strings = {"safe", "message_id", "msisdn", "country", "provider", "shortcode", "content",
        "cost_local", "currency", "time", "sign"})
    void aMissingParameterIsNamed(String parameter) {
        Map<String, String[]> params = signed(sms());
        params.remove(parameter);

        assertThat(check(gate, CALLER, params)).isEqualTo(new Rejected(400, "bad request: " + parameter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"safe", "message_id", "msisdn", "country", "provider", "shortcode", "content",
        "cost_local", "currency", "time", "sign"})
    void aParameterWithoutAnyValueCountsAsMissing(String parameter) {
        Map<String, String[]> params = signed(sms());
        params.put(parameter, new String[0]);

        assertThat(check(gate, CALLER, params)).isEqualTo(new Rejected(400, "bad request: " + parameter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"safe", "message_id", "msisdn", "country", "provider", "shortcode", "content",
        "cost_local", "currency", "time", "sign"})
    void aParameterGivenTwiceIsMalformed(String parameter) {
        Map<String, String[]> params = signed(sms());
        String value = params.get(parameter)[0];
        params.put(parameter, new String[] {value, value});

        assertThat(check(gate, CALLER, params)).isEqualTo(new Rejected(400, "bad request: " + parameter));
    }

    static Stream<Arguments> malformedValues() {
        return Stream.of(
                arguments("safe", ""), arguments("safe", "12a"), arguments("safe", "-1234"),
                arguments("safe", "12345678901"), arguments("safe", "１２３４"), arguments("safe", " 1234"),
                arguments("message_id", ""), arguments("message_id", "msg 1"), arguments("message_id", "msg/1"),
                arguments("message_id", "ž"), arguments("message_id", "m".repeat(65)),
                arguments("message_id", ":msg-1"), arguments("message_id", "msg-1:"), arguments("message_id", ":"),
                arguments("message_id", "msg::1"), arguments("message_id", "msg:::1"),
                arguments("msisdn", "1234"), arguments("msisdn", "1".repeat(21)), arguments("msisdn", "+37060000001"),
                arguments("msisdn", "3706000000a"),
                arguments("country", ""), arguments("country", "l"), arguments("country", "ltu"),
                arguments("country", "l1"), arguments("country", "ąč"),
                arguments("provider", ""), arguments("provider", "Bite_lt"), arguments("provider", "bite-lt"),
                arguments("provider", "p".repeat(33)),
                arguments("shortcode", ""), arguments("shortcode", "13a7"), arguments("shortcode", "12345678901"),
                arguments("content", "x".repeat(161)),
                arguments("cost_local", ""), arguments("cost_local", "1.456"), arguments("cost_local", "-1"),
                arguments("cost_local", "1e3"), arguments("cost_local", "+1"), arguments("cost_local", "1."),
                arguments("cost_local", ".5"), arguments("cost_local", "1,45"), arguments("cost_local", "123456789"),
                arguments("cost_local", "NaN"),
                arguments("currency", ""), arguments("currency", "EU"), arguments("currency", "EURO"),
                arguments("currency", "E1R"),
                arguments("time", ""), arguments("time", "-1"), arguments("time", "1763805600.5"),
                arguments("time", "1e9"), arguments("time", "1234567890123"), arguments("time", "99999999999999999999"),
                arguments("sign", ""), arguments("sign", "xyz"), arguments("sign", "a".repeat(129)),
                arguments("sign", "0x12"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("malformedValues")
    void aMalformedValueIsNamed(String parameter, String value) {
        Map<String, String> sms = sms();
        sms.put(parameter, value);
        // signed with the bad value in place, so that the form is the only thing wrong
        Map<String, String[]> params = parameter.equals("sign") ? form(sms) : signed(sms);

        assertThat(check(gate, CALLER, params)).isEqualTo(new Rejected(400, "bad request: " + parameter));
    }

    @Test
    void aMessageIdWithSingleColonsInsideIsAcceptedUpTo64Characters() {
        String longest = "gw:" + "a".repeat(29) + ":" + "b".repeat(29) + ":c";
        Map<String, String> sms = sms();
        sms.put("message_id", longest);

        assertThat(longest).hasSize(64);
        assertThat(((Accepted) check(gate, CALLER, signed(sms))).notification().messageId()).isEqualTo(longest);
        sms.put("message_id", longest + "d");
        assertThat(check(gate, CALLER, signed(sms))).isEqualTo(new Rejected(400, "bad request: message_id"));
    }

    /**
     * The re-cut of issue 21: the buyer texts the fields that follow {@code message_id} again, and a holder of the
     * signed request moves them into a {@code message_id} that swallows the real ones. Same canonical string, same
     * {@code sign}, another phone and a new id: refused by the form of {@code message_id}, before the signature.
     */
    @Test
    void aReCutWhoseMessageIdSwallowsTheNextFieldsIsABadMessageId() {
        Map<String, String> sms = sms();
        sms.put("content", "x::37069999999::lv::tele2::1338::free");
        Map<String, String[]> genuine = signed(sms);
        Map<String, String[]> recut = form(Map.of("safe", "1234",
                "message_id", "msg-1::37060000001::lt::bite_lt::1337::x", "msisdn", "37069999999", "country", "lv",
                "provider", "tele2", "shortcode", "1338", "content", "free", "cost_local", "1.45", "currency", "EUR",
                "time", String.valueOf(NOW.getEpochSecond())));
        recut.put("sign", genuine.get("sign"));

        assertThat(check(gate, CALLER, genuine)).isInstanceOf(Accepted.class);
        assertThat(((Accepted) check(gate, CALLER, genuine)).notification().canonical())
                .as("the same signed string")
                .isEqualTo(Stream.of(CANONICAL).map(name -> recut.get(name)[0]).collect(Collectors.joining("::")));
        assertThat(check(gate, CALLER, recut)).isEqualTo(new Rejected(400, "bad request: message_id"));
        recut.put("sign", new String[] {"0".repeat(64)});
        assertThat(check(gate, CALLER, recut)).as("before the signature").isEqualTo(new Rejected(400,
                "bad request: message_id"));
    }

    @Test
    void theFirstBadParameterInProtocolOrderIsNamed() {
        Map<String, String[]> params = signed(sms());
        params.remove("time");
        params.remove("msisdn");
        params.put("currency", new String[] {"EURO"});

        assertThat(check(gate, CALLER, params)).isEqualTo(new Rejected(400, "bad request: msisdn"));
    }

    @Test
    void theParseFailureSaysWhatIsWrongWithWhichValue() {
        Map<String, String[]> params = signed(sms());
        params.put("cost_local", new String[] {"1e3"});
        assertThatThrownBy(() -> Notification.parse(params)).isInstanceOf(MalformedNotificationException.class)
                .hasMessage("parameter 'cost_local' must be a decimal with at most 2 fraction digits, not '1e3'")
                .extracting(e -> ((MalformedNotificationException) e).parameter()).isEqualTo("cost_local");

        params.put("content", new String[] {"line\n" + "x".repeat(200)});
        assertThatThrownBy(() -> Notification.parse(params))
                .hasMessage("parameter 'content' must be at most 160 characters, not 'line\\n" + "x".repeat(35) + "...'");

        params.put("msisdn", new String[] {"37060000001", "37060000002"});
        assertThatThrownBy(() -> Notification.parse(params)).hasMessage("parameter 'msisdn' is given 2 times");

        params.remove("safe");
        assertThatThrownBy(() -> Notification.parse(params)).hasMessage("parameter 'safe' is missing");
    }

    @Test
    void noParametersAtAllNameSafe() {
        assertThat(check(gate, CALLER, Map.of())).isEqualTo(new Rejected(400, "bad request: safe"));
        assertThat(check(gate, CALLER, null)).isEqualTo(new Rejected(400, "bad request: safe"));
    }

    @Test
    void contentOf160CodePointsIsAcceptedAnd161Refused() {
        String emoji = "\uD83D\uDE00"; // two UTF-16 chars, one code point
        Map<String, String> fits = sms();
        fits.put("content", emoji.repeat(160));
        Map<String, String> tooLong = sms();
        tooLong.put("content", emoji.repeat(161));

        assertThat(check(gate, CALLER, signed(fits))).isInstanceOf(Accepted.class);
        assertThat(check(gate, CALLER, signed(tooLong))).isEqualTo(new Rejected(400, "bad request: content"));
    }

    @Test
    void emptyContentIsAccepted() {
        Map<String, String> sms = sms();
        sms.put("content", "");

        Verdict verdict = check(gate, CALLER, signed(sms));

        assertThat(verdict).isInstanceOf(Accepted.class);
        assertThat(((Accepted) verdict).notification().content()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1.5", "12.34", "0.01", "12345678.99"})
    void costLocalWithAtMostTwoFractionDigitsIsAccepted(String cost) {
        Map<String, String> sms = sms();
        sms.put("cost_local", cost);

        Verdict verdict = check(gate, CALLER, signed(sms));

        assertThat(verdict).isInstanceOf(Accepted.class);
        assertThat(((Accepted) verdict).notification().cost()).isEqualTo(new BigDecimal(cost));
    }

    @Test
    void countryAndCurrencyAreAcceptedInEitherCaseAndSignedAsSent() {
        Map<String, String> sms = sms();
        sms.put("country", "LT");
        sms.put("currency", "eur");

        Verdict verdict = check(gate, CALLER, signed(sms));

        assertThat(verdict).isInstanceOf(Accepted.class);
        Notification n = ((Accepted) verdict).notification();
        assertThat(n.country()).isEqualTo("lt");
        assertThat(n.currency()).isEqualTo("EUR");
        assertThat(n.canonical()).contains("::LT::").contains("::eur::");
    }

    @Test
    void otherParametersAreIgnored() {
        Map<String, String[]> params = signed(sms());
        params.put("utm_source", new String[] {"a", "b"});

        assertThat(check(gate, CALLER, params)).isInstanceOf(Accepted.class);
    }

    // --- 403 checksum failed

    @Test
    void aWrongSignatureFails() {
        Map<String, String[]> params = signed(sms());
        params.put("sign", new String[] {"0".repeat(64)});

        assertThat(check(gate, CALLER, params)).isEqualTo(new Rejected(403, "checksum failed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"safe", "message_id", "msisdn", "country", "provider", "shortcode", "content",
        "cost_local", "currency", "time"})
    void theSignatureCoversEverySignedParameter(String parameter) {
        Map<String, String[]> params = signed(sms());
        String changed = switch (parameter) {
            case "safe" -> "01234"; // the same safe numerically, but not the text that was signed
            case "country" -> "LT";
            case "provider" -> "tele2_lt";
            case "currency" -> "eur";
            case "content" -> "order-43";
            case "message_id" -> "msg-2";
            case "cost_local" -> "01.45"; // the same amount, but not the text that was signed
            default -> params.get(parameter)[0] + "0";
        };
        params.put(parameter, new String[] {changed});

        assertThat(check(gate, CALLER, params)).as("%s=%s", parameter, changed)
                .isEqualTo(new Rejected(403, "checksum failed"));
    }

    @Test
    void aSignatureWithAnotherPasskeyFails() {
        Map<String, String[]> params = signed(sms(), SignatureScheme.HMAC_SHA256, Passkey.of("another-passkey"));

        assertThat(check(gate, CALLER, params)).isEqualTo(new Rejected(403, "checksum failed"));
    }

    @Test
    void theSignatureIsComparedCaseInsensitively() {
        Map<String, String[]> params = signed(sms());
        params.put("sign", new String[] {params.get("sign")[0].toUpperCase(Locale.ROOT)});

        assertThat(check(gate, CALLER, params)).isInstanceOf(Accepted.class);
    }

    @Test
    void anMd5SignatureIsAcceptedUnderMd5() {
        NotificationGate md5 = gate(SignatureScheme.MD5, AddressFilter.allowAll(), NOW);

        assertThat(check(md5, CALLER, signed(sms(), SignatureScheme.MD5, PASSKEY))).isInstanceOf(Accepted.class);
    }

    @Test
    void anHmacSignatureIsRefusedUnderMd5() {
        NotificationGate md5 = gate(SignatureScheme.MD5, AddressFilter.allowAll(), NOW);

        assertThat(check(md5, CALLER, signed(sms(), SignatureScheme.HMAC_SHA256, PASSKEY)))
                .isEqualTo(new Rejected(403, "checksum failed"));
    }

    @Test
    void anMd5SignatureIsRefusedUnderHmac() {
        assertThat(check(gate, CALLER, signed(sms(), SignatureScheme.MD5, PASSKEY)))
                .isEqualTo(new Rejected(403, "checksum failed"));
    }

    // --- 404 unknown safe

    @Test
    void anotherSafeIsUnknown() {
        Map<String, String> sms = sms();
        sms.put("safe", "4321");

        assertThat(check(gate, CALLER, signed(sms))).isEqualTo(new Rejected(404, "unknown safe"));
    }

    @Test
    void theSafeIsComparedNumerically() {
        NotificationGate twelve = new NotificationGate(12, new NotificationSigner(SignatureScheme.HMAC_SHA256,
                PASSKEY), new TimeWindow(MAX_SKEW, Clock.fixed(NOW, ZoneOffset.UTC)), AddressFilter.allowAll());
        Map<String, String> sms = sms();
        sms.put("safe", "0012");

        Verdict verdict = check(twelve, CALLER, signed(sms));

        assertThat(verdict).isInstanceOf(Accepted.class);
        assertThat(((Accepted) verdict).notification().safeId()).isEqualTo(12);
        assertThat(((Accepted) verdict).notification().canonical()).startsWith("0012::");
    }

    // --- 403 stale request

    @ParameterizedTest
    @ValueSource(longs = {-3600, -1, 0, 1, 3600})
    void aTimeWithinMaxSkewEitherWayIsCurrent(long offsetSeconds) {
        assertThat(check(gate, CALLER, signed(smsAt(NOW.getEpochSecond() + offsetSeconds))))
                .isInstanceOf(Accepted.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {-3601, 3601, -86400, 86400})
    void aTimeBeyondMaxSkewEitherWayIsStale(long offsetSeconds) {
        assertThat(check(gate, CALLER, signed(smsAt(NOW.getEpochSecond() + offsetSeconds))))
                .isEqualTo(new Rejected(403, "stale request"));
    }

    @Test
    void theWindowFollowsTheClock() {
        long signedAt = NOW.getEpochSecond();
        Map<String, String[]> params = signed(smsAt(signedAt));

        assertThat(check(gate(SignatureScheme.HMAC_SHA256, AddressFilter.allowAll(), NOW.plus(MAX_SKEW)),
                CALLER, params)).isInstanceOf(Accepted.class);
        assertThat(check(gate(SignatureScheme.HMAC_SHA256, AddressFilter.allowAll(), NOW.plus(MAX_SKEW).plusSeconds(1)),
                CALLER, params)).isEqualTo(new Rejected(403, "stale request"));
        assertThat(check(gate(SignatureScheme.HMAC_SHA256, AddressFilter.allowAll(), NOW.minus(MAX_SKEW)),
                CALLER, params)).isInstanceOf(Accepted.class);
        assertThat(check(gate(SignatureScheme.HMAC_SHA256, AddressFilter.allowAll(), NOW.minus(MAX_SKEW).minusSeconds(1)),
                CALLER, params)).isEqualTo(new Rejected(403, "stale request"));
    }

    @Test
    void timeZeroIsStaleNotAnError() {
        assertThat(check(gate, CALLER, signed(smsAt(0)))).isEqualTo(new Rejected(403, "stale request"));
    }

    // --- the order of the checks

    @Test
    void malformedComesBeforeAWrongSignature() {
        Map<String, String[]> params = signed(sms());
        params.put("cost_local", new String[] {"1e3"});
        params.put("sign", new String[] {"0".repeat(64)});

        assertThat(check(gate, CALLER, params)).isEqualTo(new Rejected(400, "bad request: cost_local"));
    }

    @Test
    void aWrongSignatureComesBeforeAnUnknownSafe() {
        Map<String, String> sms = sms();
        sms.put("safe", "4321");
        Map<String, String[]> params = signed(sms);
        params.put("sign", new String[] {"0".repeat(64)});

        assertThat(check(gate, CALLER, params)).isEqualTo(new Rejected(403, "checksum failed"));
    }

    @Test
    void aWrongSignatureComesBeforeAStaleTime() {
        Map<String, String[]> params = signed(smsAt(NOW.getEpochSecond() - 86400));
        params.put("sign", new String[] {"0".repeat(64)});

        assertThat(check(gate, CALLER, params)).isEqualTo(new Rejected(403, "checksum failed"));
    }

    @Test
    void anUnknownSafeComesBeforeAStaleTime() {
        Map<String, String> sms = smsAt(NOW.getEpochSecond() - 86400);
        sms.put("safe", "4321");

        assertThat(check(gate, CALLER, signed(sms))).isEqualTo(new Rejected(404, "unknown safe"));
    }

    // --- construction

    @Test
    void aZeroMaxSkewAcceptsOnlyThePresentSecond() {
        NotificationGate strict = new NotificationGate(SAFE, new NotificationSigner(SignatureScheme.HMAC_SHA256,
                PASSKEY), new TimeWindow(Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC)), AddressFilter.allowAll());

        assertThat(check(strict, CALLER, signed(smsAt(NOW.getEpochSecond())))).isInstanceOf(Accepted.class);
        assertThat(check(strict, CALLER, signed(smsAt(NOW.getEpochSecond() + 1))))
                .isEqualTo(new Rejected(403, "stale request"));
    }

    // --- helpers

    private static NotificationGate gate(SignatureScheme scheme, AddressFilter allow, Instant now) {
        return new NotificationGate(SAFE, new NotificationSigner(scheme, PASSKEY),
                new TimeWindow(MAX_SKEW, Clock.fixed(now, ZoneOffset.UTC)), allow);
    }

    /** What the gate decided, as a value a test can compare: the notification it let through, or its refusal. */
    private sealed interface Verdict permits Accepted, Rejected {
    }

    private record Accepted(Notification notification) implements Verdict {
    }

    private record Rejected(int status, String body) implements Verdict {
    }

    private static Verdict check(NotificationGate gate, String caller, Map<String, String[]> parameters) {
        try {
            return new Accepted(gate.verify(caller, parameters));
        } catch (RejectedRequestException e) {
            return new Rejected(e.status(), e.answer());
        }
    }

    /** The values of a valid paid SMS for this safe, signed now; not yet signed. */
    private static Map<String, String> sms() {
        return smsAt(NOW.getEpochSecond());
    }

    private static Map<String, String> smsAt(long epochSeconds) {
        Map<String, String> sms = new LinkedHashMap<>();
        sms.put("safe", String.valueOf(SAFE));
        sms.put("message_id", "msg-1");
        sms.put("msisdn", "37060000001");
        sms.put("country", "lt");
        sms.put("provider", "bite_lt");
        sms.put("shortcode", "1337");
        sms.put("content", "order-42");
        sms.put("cost_local", "1.45");
        sms.put("currency", "EUR");
        sms.put("time", String.valueOf(epochSeconds));
        return sms;
    }

    private static Map<String, String[]> signed(Map<String, String> sms) {
        return signed(sms, SignatureScheme.HMAC_SHA256, PASSKEY);
    }

    /** The parameter map a servlet would hand over, with {@code sign} made by the production signer. */
    private static Map<String, String[]> signed(Map<String, String> sms, SignatureScheme scheme, Passkey passkey) {
        String canonical = Stream.of(CANONICAL).map(sms::get).collect(Collectors.joining("::"));
        Map<String, String> copy = new LinkedHashMap<>(sms);
        copy.put("sign", new NotificationSigner(scheme, passkey).sign(canonical));
        return form(copy);
    }

    private static Map<String, String[]> form(Map<String, String> values) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (String name : ALL) {
            if (values.containsKey(name)) {
                params.put(name, new String[] {values.get(name)});
            }
        }
        return params;
    }
}
