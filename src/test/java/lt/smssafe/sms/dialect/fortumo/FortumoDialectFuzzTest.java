package lt.smssafe.sms.dialect.fortumo;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.DeliveryReport;
import lt.smssafe.sms.GatewayEvent;
import lt.smssafe.sms.PaidMessage;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.FuzzedRequests;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.TestPolicy;

/**
 * {@code /fortumo}'s reading of a request (docs/protocol.md §8.1) under fuzzed parameters: a paid message or a billing
 * report, or one of §8's refusals, always a 4xx, never another exception. In the suite it runs the inputs in
 * {@code FortumoDialectFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes it.
 *
 * <p>The input's last byte says what the harness does (as a digit in the input files): bit 0 signs the request
 * with the production signer, so that the fuzzer gets past {@code sig} to the values; bit 1 reads with a service
 * that names no {@code fortumo.service-id} and refuses test messages, instead of one that requires its id and
 * accepts them.
 */
class FortumoDialectFuzzTest {
    private static final String SECRET = "fortumo-secret-1";
    private static final String SERVICE = "f7fa12b381d290e268f99e382578d64a";
    private static final Set<String> PARAMETERS = Set.of("message", "sender", "country", "price", "price_wo_vat",
            "currency", "service_id", "message_id", "keyword", "shortcode", "operator", "billing_type", "status",
            "test", "sig");

    private static final FortumoDialect STRICT = new FortumoDialect(
            new FortumoConfig(SECRET, Optional.of(SERVICE), TestPolicy.ACCEPT), AddressFilter.allowAll());
    private static final FortumoDialect NO_TESTS = new FortumoDialect(
            new FortumoConfig(SECRET, Optional.empty(), TestPolicy.REJECT), AddressFilter.allowAll());

    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({"message", "sender", "country", "price", "price_wo_vat", "currency", "service_id",
        "message_id", "keyword", "shortcode", "operator", "billing_type", "status", "test", "sig", "pending", "ok",
        "failed", "true", "false", "MO", "MT", SERVICE})
    void aRequestIsReadOrRefusedWithItsAnswer(FuzzedDataProvider data) {
        int harness = data.consumeInt(0, 3);
        Map<String, String[]> parameters = FuzzedRequests.parameters(data);
        if ((harness & 1) != 0) {
            parameters.remove(FortumoSigner.SIG);
            FuzzedRequests.put(parameters, FortumoSigner.SIG,
                    new FortumoSigner(SECRET).sign(FuzzedRequests.firstValues(parameters)));
        }
        FortumoDialect dialect = (harness & 2) != 0 ? NO_TESTS : STRICT;
        try {
            GatewayEvent event = dialect.read(new GatewayRequest("81.20.151.38", parameters));
            assertThat(event.dialect()).isEqualTo(FortumoDialect.NAME);
            assertThat(event.messageId()).isEqualTo(parameters.get("message_id")[0]);
            if (event instanceof PaidMessage message) {
                FuzzedRequests.assertWellFormed(message);
                assertThat(parameters.get("status")[0]).isEqualToIgnoringCase("pending");
            } else {
                DeliveryReport report = (DeliveryReport) event;
                assertThat(report.billed()).isEqualTo(parameters.get("status")[0].equalsIgnoreCase("ok"));
            }
        } catch (RejectedRequestException refusal) {
            // a name the dialect does not read is named too when it could re-cut the signed string (SignedPairs)
            Set<String> named = new java.util.HashSet<>(PARAMETERS);
            parameters.keySet().forEach(name -> named.add(SignedPairs.shown(name)));
            FuzzedRequests.assertIsTheCallersAnswer(refusal, named);
        }
    }
}
