package lt.smssafe.mbs;

import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.signing.TimeWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per way a billing report fails, each with its exact answer; fixed clocks at the window's edges. */
class BillingReportVerifierTest {
    private static final long SERVICE = 1;
    private static final String SECRET = "secret-of-service-1";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final long T = NOW.getEpochSecond();

    private final BillingReportVerifier verifier = new BillingReportVerifier(SERVICE, SECRET,
            new TimeWindow(Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC)));

    /** A report signed with the production signer. */
    private static Map<String, String[]> report(String secret, long transaction, long service, String status,
            String state, long time) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parameters.put("trans", new String[] {String.valueOf(transaction)});
        parameters.put("transaction_id", new String[] {String.valueOf(transaction)});
        parameters.put("service_id", new String[] {String.valueOf(service)});
        parameters.put("status", new String[] {status});
        parameters.put("state", new String[] {state});
        parameters.put("time", new String[] {String.valueOf(time)});
        parameters.put("sign", new String[] {ReportSigner.sign(secret, transaction, service, status, state, time)});
        return parameters;
    }

    private static Map<String, String[]> genuine() {
        return report(SECRET, 2456, SERVICE, "commit", "ok", T);
    }

    private RejectedRequestException refusal(Map<String, String[]> parameters) {
        return catchThrowableOfType(RejectedRequestException.class, () -> verifier.verify(parameters));
    }

    @Test
    void aGenuineReportIsRead() throws RejectedRequestException {
        assertThat(verifier.verify(genuine()))
                .isEqualTo(new VerifiedReport(2456, SERVICE, TransactionStatus.COMMIT, "ok", NOW));
    }

    @Test
    void theSignatureIsHmacSha256OfTheCanonicalString() {
        // independent of ReportSigner's own joining: the canonical string written out
        assertThat(ReportSigner.sign("key", 2456, 1, "commit", "ok", 1700000000))
                .isEqualTo(ReportSigner.signCanonical("key", "2456::1::commit::ok::1700000000"))
                .hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void anUpperCaseSignatureIsAccepted() throws RejectedRequestException {
        Map<String, String[]> report = genuine();
        report.put("sign", new String[] {report.get("sign")[0].toUpperCase(Locale.ROOT)});

        assertThat(verifier.verify(report).transactionId()).isEqualTo(2456);
    }

    @Test
    void theSameReportTwiceVerifiesTheSame() throws RejectedRequestException {
        assertThat(verifier.verify(genuine())).isEqualTo(verifier.verify(genuine()));
    }

    @Test
    void aReportSignedWithAnotherKeyFailsTheChecksum() {
        RejectedRequestException e = refusal(report("guessed", 2456, SERVICE, "commit", "ok", T));

        assertThat(e).hasMessage("checksum failed");
        assertThat(e.reason()).isEqualTo(RejectedRequestException.Reason.CHECKSUM_FAILED);
        assertThat(e.reason().httpStatus()).isEqualTo(403);
    }

    @Test
    void aReportWhoseStatusWasChangedFailsTheChecksum() {
        Map<String, String[]> report = report(SECRET, 2456, SERVICE, "reserve", "ok", T);
        report.put("status", new String[] {"commit"});

        assertThat(refusal(report)).hasMessage("checksum failed");
    }

    @Test
    void aGenuineReportForAnotherServiceIsUnknownService() {
        RejectedRequestException e = refusal(report(SECRET, 2456, 2, "commit", "ok", T));

        assertThat(e).hasMessage("unknown service");
        assertThat(e.reason().httpStatus()).isEqualTo(404);
    }

    @Test
    void anotherServicesReportSignedWithItsOwnKeyFailsTheChecksumFirst() {
        assertThat(refusal(report("secret-of-service-2", 2456, 2, "commit", "ok", T))).hasMessage("checksum failed");
    }

    @ParameterizedTest(name = "{0} seconds from now")
    @ValueSource(longs = {-3601, 3601, -86400, 86400})
    void aReportFurtherThanTheSkewEitherWayIsStale(long offset) {
        RejectedRequestException e = refusal(report(SECRET, 2456, SERVICE, "commit", "ok", T + offset));

        assertThat(e).hasMessage("stale request");
        assertThat(e.reason()).isEqualTo(RejectedRequestException.Reason.STALE_REQUEST);
    }

    @ParameterizedTest(name = "{0} seconds from now")
    @ValueSource(longs = {-3600, 3600, 0})
    void aReportExactlyAtTheSkewIsCurrent(long offset) throws RejectedRequestException {
        assertThat(verifier.verify(report(SECRET, 2456, SERVICE, "commit", "ok", T + offset)).time())
                .isEqualTo(NOW.plusSeconds(offset));
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"transaction_id", "service_id", "status", "state", "time", "sign"})
    void aMissingParameterIsABadRequestNamingIt(String name) {
        Map<String, String[]> report = genuine();
        report.remove(name);

        RejectedRequestException e = refusal(report);

        assertThat(e).hasMessage("bad request: " + name);
        assertThat(e.parameter()).contains(name);
        assertThat(e.reason().httpStatus()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"transaction_id,abc", "transaction_id,-1", "transaction_id,0", "transaction_id,02456",
        "transaction_id,99999999999999999999", "service_id,1.0", "service_id,''", "status,COMMIT",
        "status,paid", "state,OK", "state,ok!", "time,1.5", "time,-5", "time,9999999999999", "sign,abc",
        "sign,zz3456789012345678901234567890123456789012345678901234567890123"})
    void aMalformedParameterIsABadRequestNamingIt(String name, String value) {
        Map<String, String[]> report = genuine();
        report.put(name, new String[] {value});

        assertThat(refusal(report)).hasMessage("bad request: " + name);
    }

    @Test
    void aParameterGivenTwiceWithTheSameValueIsAccepted() throws RejectedRequestException {
        Map<String, String[]> report = genuine();
        report.put("transaction_id", new String[] {"2456", "2456"});

        assertThat(verifier.verify(report).transactionId()).isEqualTo(2456);
    }

    @Test
    void aParameterGivenTwiceWithDifferentValuesIsABadRequest() {
        Map<String, String[]> report = genuine();
        report.put("transaction_id", new String[] {"2456", "2457"});

        assertThat(refusal(report)).hasMessage("bad request: transaction_id");
    }
}
