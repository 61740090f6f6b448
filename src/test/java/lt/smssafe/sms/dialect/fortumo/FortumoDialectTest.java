package lt.smssafe.sms.dialect.fortumo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.DeliveryReport;
import lt.smssafe.sms.GatewayEvent;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.GatewayMessage;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.TestPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every answer of docs/protocol.md §8 that {@code /fortumo} gives before the engine, in §8's order, signed by the production signer. */
class FortumoDialectTest {
    private static final String SECRET = "fortumo-secret-1";
    private static final String SERVICE = "f7fa12b381d290e268f99e382578d64a";
    private static final String CALLER = "81.20.151.38";

    private final FortumoDialect dialect = dialect(TestPolicy.ACCEPT, AddressFilter.allowAll());

    private static FortumoDialect dialect(TestPolicy test, AddressFilter allow) {
        return new FortumoDialect(new FortumoConfig(SECRET, Optional.of(SERVICE), test), allow);
    }

    /** A pending message as Fortumo sends it, with the operator's name as Fortumo writes it. */
    static Map<String, String> pending() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("message", "order-42");
        p.put("sender", "37060000001");
        p.put("country", "LT");
        p.put("price", "1.45");
        p.put("price_wo_vat", "1.20");
        p.put("currency", "EUR");
        p.put("service_id", SERVICE);
        p.put("message_id", "f-1");
        p.put("keyword", "SAFE");
        p.put("shortcode", "1337");
        p.put("operator", "Tele2 LT");
        p.put("billing_type", "MO");
        p.put("status", "pending");
        p.put("test", "false");
        return p;
    }

    private static Map<String, String[]> signed(Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.remove("sig");
        copy.put("sig", new FortumoSigner(SECRET).sign(copy));
        return form(copy);
    }

    private static Map<String, String[]> form(Map<String, String> values) {
        Map<String, String[]> form = new LinkedHashMap<>();
        values.forEach((k, v) -> form.put(k, new String[] {v}));
        return form;
    }

    private Object read(FortumoDialect d, Map<String, String[]> params) {
        try {
            return d.read(new GatewayRequest(CALLER, params));
        } catch (RejectedRequestException e) {
            return e.status() + " " + e.answer();
        }
    }

    @Test
    void aPendingMessageIsAPaidMessageWithTheOperatorNameAsACode() {
        GatewayEvent event = (GatewayEvent) read(dialect, signed(pending()));

        assertThat(event).isEqualTo(new GatewayMessage(FortumoDialect.NAME, "f-1", "37060000001", "lt", "tele2_lt",
                "1337", "order-42", new BigDecimal("1.45"), "EUR", false));
        assertThat(event.dialect()).isEqualTo("fortumo");
    }

    /**
     * The buyer sent what the primer shows for a Fortumo entry, {@code TXT SAFE order-42}: Fortumo routes by the
     * keyword, passes it as {@code keyword} and the rest as {@code message}, and {@code content} is that rest alone,
     * as through every gateway (docs/protocol.md §5, "What content is").
     */
    @Test
    void theContentIsWhatTheBuyerTypedAfterTheKeyword() {
        Map<String, String> primer = pending();
        primer.put("keyword", "TXT SAFE");
        primer.put("message", "order-42");

        assertThat(((GatewayMessage) read(dialect, signed(primer))).content()).isEqualTo("order-42");
    }

    @Test
    void aMaskedOrBlankSenderIsAccepted() {
        Map<String, String> masked = pending();
        masked.put("sender", "370#####001");
        Map<String, String> blank = pending();
        blank.put("sender", "");

        assertThat(((GatewayMessage) read(dialect, signed(masked))).msisdn()).isEqualTo("370#####001");
        assertThat(((GatewayMessage) read(dialect, signed(blank))).msisdn()).isEmpty();
    }

    @Test
    void aSenderIdOf64CharactersIsAcceptedAndOf65IsA400() {
        String sender64 = "370#####001:" + "a".repeat(52);
        Map<String, String> longest = pending();
        longest.put("sender", sender64);
        Map<String, String> tooLong = pending();
        tooLong.put("sender", sender64 + "b");

        assertThat(sender64).hasSize(64);
        assertThat(((GatewayMessage) read(dialect, signed(longest))).msisdn()).isEqualTo(sender64);
        assertThat(read(dialect, signed(tooLong))).isEqualTo("400 bad request: sender");
    }

    @Test
    void okAndFailedAreReportsCarryingOnlyWhatTheyCarry() {
        Map<String, String> failed = new LinkedHashMap<>();
        failed.put("message_id", "f-1");
        failed.put("service_id", SERVICE);
        failed.put("status", "failed");
        failed.put("price", "1.45");

        assertThat(read(dialect, signed(failed))).isEqualTo(new DeliveryReport("fortumo", "f-1", false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new BigDecimal("1.45")), Optional.empty()));
        failed.put("status", "OK");
        assertThat(((DeliveryReport) read(dialect, signed(failed))).billed()).isTrue();
    }

    @Test
    void aCallerOutsideNotifyAllowIsForbiddenBeforeAnythingElse() {
        FortumoDialect guarded = dialect(TestPolicy.ACCEPT, AddressFilter.parse("10.0.0.0/8"));

        assertThat(read(guarded, Map.of())).isEqualTo("403 forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"message", "sender", "country", "price", "currency", "service_id", "message_id",
        "shortcode", "status", "sig"})
    void aMissingParameterIsA400NamingIt(String name) {
        Map<String, String[]> params = signed(pending());
        params.remove(name);

        assertThat(read(dialect, params)).isEqualTo("400 bad request: " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sender=+370 600", "country=LTU", "price=1,45", "price=1.455", "price_wo_vat=x",
        "currency=EU", "service_id=not/hex", "message_id=a b", "shortcode=13-37", "billing_type=XX",
        "status=paid", "test=yes"})
    void aMalformedParameterIsA400NamingIt(String assignment) {
        String name = assignment.substring(0, assignment.indexOf('='));
        Map<String, String> values = pending();
        values.put(name, assignment.substring(name.length() + 1));

        assertThat(read(dialect, signed(values))).isEqualTo("400 bad request: " + name);
    }

    @Test
    void aSignatureThatIsNot32HexDigitsIsA400() {
        Map<String, String[]> params = signed(pending());
        params.put("sig", new String[] {"xyz"});

        assertThat(read(dialect, params)).isEqualTo("400 bad request: sig");
    }

    @Test
    void aParameterGivenTwiceIsA400() {
        Map<String, String[]> params = signed(pending());
        params.put("price", new String[] {"1.45", "0.01"});

        assertThat(read(dialect, params)).isEqualTo("400 bad request: price");
    }

    @Test
    void aWrongSignatureIsAChecksumFailure() {
        Map<String, String[]> changed = signed(pending());
        changed.put("price", new String[] {"0.01"});
        Map<String, String[]> added = signed(pending());
        added.put("revenue", new String[] {"1.00"});

        assertThat(read(dialect, changed)).isEqualTo("403 checksum failed");
        assertThat(read(dialect, added)).as("an unknown parameter is signed too").isEqualTo("403 checksum failed");
    }

    // --- one reading of the signed string (docs/protocol.md §8.1, SignedPairs)

    /** The pairs of a captured request cut otherwise, sent with the captured {@code sig}. */
    private static Map<String, String[]> recut(Map<String, String[]> captured, Map<String, String> pairs) {
        Map<String, String[]> recut = form(pairs);
        recut.put("sig", captured.get("sig"));
        return recut;
    }

    /** What the production signer makes of a request's pairs: the re-cut must carry the captured {@code sig}. */
    private static String signedBy(Map<String, String[]> parameters) {
        Map<String, String> single = new java.util.HashMap<>();
        parameters.forEach((name, values) -> {
            if (!name.equals("sig")) {
                single.put(name, values[0]);
            }
        });
        return new FortumoSigner(SECRET).sign(single);
    }

    @Test
    void theIssuesReCutOfATextHoldingPairsIsRefused() {
        Map<String, String> values = pending();
        values.put("message", "Xmessage_id=A1message_idz=");
        Map<String, String[]> captured = signed(values);
        Map<String, String> pairs = pending();
        pairs.put("message", "X");
        pairs.put("message_id", "A1");
        pairs.put("message_idz", "message_id=f-1");
        Map<String, String[]> recut = recut(captured, pairs);

        assertThat(read(dialect, captured)).isInstanceOf(GatewayMessage.class);
        assertThat(signedBy(recut)).as("the same signature").isEqualTo(captured.get("sig")[0]);
        assertThat(read(dialect, recut)).isEqualTo("400 bad request: message_idz");
    }

    @Test
    void aMessageIdThatTakesTheStartOfTheNextNameIsRefused() {
        Map<String, String[]> captured = signed(pending());
        Map<String, String> pairs = pending();
        pairs.remove("operator");
        pairs.put("message_id", "f-1o");
        pairs.put("perator", "Tele2 LT");
        Map<String, String[]> recut = recut(captured, pairs);

        assertThat(signedBy(recut)).as("the same signature").isEqualTo(captured.get("sig")[0]);
        assertThat(read(dialect, recut)).isEqualTo("400 bad request: perator");
    }

    @Test
    void aForgedPairInTheTextWithANameSwallowingTheRealMessageIdIsRefused() {
        Map<String, String> values = pending();
        values.put("message", "Xmessage_id=FAKEoperator=Biteopz");
        Map<String, String[]> captured = signed(values);
        Map<String, String> pairs = pending();
        pairs.put("message", "X");
        pairs.put("message_id", "FAKE");
        pairs.put("operator", "Bite");
        pairs.put("opzmessage_id", "f-1o");
        pairs.put("perator", "Tele2 LT");
        Map<String, String[]> recut = recut(captured, pairs);

        assertThat(signedBy(recut)).as("the same signature").isEqualTo(captured.get("sig")[0]);
        assertThat(read(dialect, recut)).as("the first name we do not know, in sorted order")
                .isEqualTo("400 bad request: opzmessage_id");
    }

    /** Why a name may not end with a listed one or be the end of one, even after a name like {@code price}. */
    @Test
    void aForgedPairInTheTextReadOnThroughTheRealPairsIsRefused() {
        Map<String, String> values = pending();
        values.put("message", "Xmessage_id=FAKEprice=1prz");
        Map<String, String[]> captured = signed(values);
        Map<String, String> pairs = pending();
        pairs.remove("operator");
        pairs.remove("price_wo_vat");
        pairs.put("message", "X");
        pairs.put("message_id", "FAKE");
        pairs.put("price", "1");
        pairs.put("przmessage_id", "f-1ope");
        pairs.put("rator", "Tele2 LTp");
        pairs.put("rice", "1.45p");
        pairs.put("rice_wo_vat", "1.20");
        Map<String, String[]> recut = recut(captured, pairs);

        assertThat(signedBy(recut)).as("the same signature").isEqualTo(captured.get("sig")[0]);
        assertThat(read(dialect, recut)).isEqualTo("400 bad request: przmessage_id");
    }

    @Test
    void theMessageMayHoldEqualsSignsAndOtherValuesMayNot() {
        Map<String, String> message = pending();
        message.put("message", "a=b&c%3D::d");

        assertThat(((GatewayMessage) read(dialect, signed(message))).content()).isEqualTo("a=b&c%3D::d");
        for (String name : new String[] {"sender", "keyword", "operator"}) {
            Map<String, String> values = pending();
            values.put(name, name.equals("sender") ? "c2VuZGVy=" : "x=y");
            assertThat(read(dialect, signed(values))).as(name).isEqualTo("400 bad request: " + name);
        }
    }

    @Test
    void aNameWeDoNotReadIsRefusedWhenItCouldCutTheSignedStringOtherwise() {
        assertThat(readWith("re=venue", "0.80")).as("= in a name").isEqualTo("400 bad request: re=venue");
        assertThat(readWith("revenue", "0=80")).as("= in its value").isEqualTo("400 bad request: revenue");
        assertThat(readWith("id", "1")).as("the end of a listed name").isEqualTo("400 bad request: id");
        assertThat(readWith("", "1")).as("the empty name").isEqualTo("400 bad request: ");
        assertThat(readWith("xmessage_id", "1")).as("ends with a listed name")
                .isEqualTo("400 bad request: xmessage_id");
        assertThat(readWith("message_idx", "1")).as("directly after message_id")
                .isEqualTo("400 bad request: message_idx");
        assertThat(readWith("message_a", "1")).as("directly after message").isEqualTo("400 bad request: message_a");
        assertThat(readWith("payout", "1")).as("directly after operator").isEqualTo("400 bad request: payout");
        assertThat(readWith("sms_id", "1")).as("directly after shortcode").isEqualTo("400 bad request: sms_id");
        assertThat(readWith("revenue", "0.80")).as("Fortumo's own, in its place").isInstanceOf(GatewayMessage.class);
        assertThat(readWith("zone", "eu")).as("after test").isInstanceOf(GatewayMessage.class);
    }

    private Object readWith(String name, String value) {
        Map<String, String> values = pending();
        values.put(name, value);
        return read(dialect, signed(values));
    }

    @Test
    void aNameWeDoNotReadGivenTwiceIsRefused() {
        Map<String, String[]> params = signed(pending());
        params.put("revenue", new String[] {"0.80", "0.90"});

        assertThat(read(dialect, params)).isEqualTo("400 bad request: revenue");
    }

    @Test
    void namesWeDoNotReadComeAfterTheListedOnesInSortedOrderAndBeforeTheSignature() {
        Map<String, String[]> params = signed(pending());
        params.put("zz=", new String[] {"1"});
        params.put("aa=", new String[] {"1"});
        params.put("sig", new String[] {"0".repeat(32)});

        assertThat(read(dialect, params)).isEqualTo("400 bad request: aa=");
        params.put("price", new String[] {"1,45"});
        assertThat(read(dialect, params)).isEqualTo("400 bad request: price");
    }

    @Test
    void aHostileNameIsShownShortAndOnOneLine() {
        assertThat(readWith("evil\r\nX-Header: 1=" + "y".repeat(100), "1"))
                .isEqualTo("400 bad request: evil??X-Header:?1=" + "y".repeat(22) + "...");
    }

    @Test
    void noListedNameEndsAnother() {
        for (String listed : SignedPairs.LISTED) {
            assertThat(SignedPairs.LISTED.stream().filter(other -> !other.equals(listed) && other.endsWith(listed)))
                    .as("names ending with %s", listed).isEmpty();
        }
    }

    @Test
    void anotherServiceIsUnknown() {
        Map<String, String> other = pending();
        other.put("service_id", "0123456789abcdef0123456789abcdef");

        assertThat(read(dialect, signed(other))).isEqualTo("404 unknown service");
    }

    @Test
    void testMessagesAreFlaggedOrRefused() {
        Map<String, String> test = pending();
        test.put("test", "true");

        assertThat(((GatewayMessage) read(dialect, signed(test))).test()).isTrue();
        assertThat(read(dialect(TestPolicy.REJECT, AddressFilter.allowAll()), signed(test)))
                .isEqualTo("403 test messages refused");
    }
}
