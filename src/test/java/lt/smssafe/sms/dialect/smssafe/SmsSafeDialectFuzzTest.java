package lt.smssafe.sms.dialect.smssafe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.signing.TimeWindow;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.FuzzedRequests;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;

/**
 * {@code /result}'s reading of a notification (docs/protocol.md §2) under fuzzed parameters: a verified notification
 * or one of §2's refusals, always a 4xx, never another exception. In the suite it runs the inputs in
 * {@code SmsSafeDialectFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes it.
 *
 * <p>The input's last byte says what the harness does before the dialect reads (as a digit in the input files):
 * bit 0 signs the request with the production signer, so that the fuzzer gets past the signature to the values;
 * bit 1 sets {@code time} to the fixed clock's now, so that it gets past the time window; bit 2 reads with a
 * legacy {@code md5} gate instead of {@code hmac-sha256}.
 */
class SmsSafeDialectFuzzTest {
    private static final long SAFE = 1234;
    private static final Passkey PASSKEY = Passkey.of("s3cr3t-passkey");
    private static final Instant NOW = Instant.ofEpochSecond(1_763_805_600);
    private static final Set<String> PARAMETERS = Set.of("safe", "message_id", "msisdn", "country", "provider",
            "shortcode", "content", "cost_local", "currency", "time", "sign");

    private static final SmsSafeDialect HMAC = dialect(SignatureScheme.HMAC_SHA256);
    private static final SmsSafeDialect MD5 = dialect(SignatureScheme.MD5);

    private static SmsSafeDialect dialect(SignatureScheme scheme) {
        return new SmsSafeDialect(new NotificationGate(SAFE, new NotificationSigner(scheme, PASSKEY),
                new TimeWindow(Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC)), AddressFilter.allowAll()));
    }

    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({"safe", "message_id", "msisdn", "country", "provider", "shortcode", "content", "cost_local",
        "currency", "time", "sign", "1234", "1763805600", "bite_lt", "EUR", "1.45"})
    void aNotificationIsReadOrRefusedWithItsAnswer(FuzzedDataProvider data) {
        int harness = data.consumeInt(0, 7);
        Map<String, String[]> parameters = FuzzedRequests.parameters(data);
        if ((harness & 2) != 0) {
            FuzzedRequests.put(parameters, "time", String.valueOf(NOW.getEpochSecond()));
        }
        SmsSafeDialect dialect = (harness & 4) != 0 ? MD5 : HMAC;
        SignatureScheme scheme = (harness & 4) != 0 ? SignatureScheme.MD5 : SignatureScheme.HMAC_SHA256;
        if ((harness & 1) != 0) {
            String sign = new NotificationSigner(scheme, PASSKEY).sign(FuzzedRequests.firstValues(parameters));
            FuzzedRequests.put(parameters, "sign", sign);
        }
        try {
            Notification notification = dialect.read(new GatewayRequest("192.0.2.10", parameters));
            FuzzedRequests.assertWellFormed(notification);
            assertThat(notification.safeId()).isEqualTo(SAFE);
            // what was verified is what was sent: the canonical string is made of the texts as received
            assertThat(notification.canonical()).isEqualTo(String.join("::", NotificationSigner.SIGNED_PARAMETERS
                    .stream().map(name -> parameters.get(name)[0]).toList()));
        } catch (RejectedRequestException refusal) {
            FuzzedRequests.assertIsTheCallersAnswer(refusal, PARAMETERS);
        }
    }
}
