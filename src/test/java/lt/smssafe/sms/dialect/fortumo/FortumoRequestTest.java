package lt.smssafe.sms.dialect.fortumo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.DeliveryReport;
import lt.smssafe.sms.GatewayEvent;
import lt.smssafe.sms.PaidMessage;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.TestPolicy;
import org.junit.jupiter.api.Test;

/** What the builder makes is what the production dialect reads, with the values it was given. */
class FortumoRequestTest {
    private static final String SECRET = "builder-secret";
    private static final FortumoDialect DIALECT = new FortumoDialect(new FortumoConfig(SECRET, Optional.of("svc1"),
            TestPolicy.ACCEPT), AddressFilter.allowAll());

    private static GatewayEvent read(Map<String, String> parameters) throws RejectedRequestException {
        Map<String, String[]> request = new LinkedHashMap<>();
        parameters.forEach((name, value) -> request.put(name, new String[] {value}));
        return DIALECT.read(new GatewayRequest("127.0.0.1", request));
    }

    private static FortumoRequest message() {
        return new FortumoRequest("f-1", "37060000001", "TXT SAFE", "order 42").serviceId("svc1")
                .set("operator", "Tele2 LT").set("price", "2.90").set("price_wo_vat", "2.40").test(true);
    }

    @Test
    void aSignedMessageIsReadWithItsValues() throws RejectedRequestException {
        PaidMessage paid = (PaidMessage) read(message().signedWith(new FortumoSigner(SECRET)));

        assertThat(List.of(paid.messageId(), paid.msisdn(), paid.country(), paid.operator(), paid.content(),
                paid.cost(), paid.test()))
                .containsExactly("f-1", "37060000001", "lt", "tele2_lt", "order 42", new BigDecimal("2.90"), true);
    }

    @Test
    void aSignedBillingReportIsReadAsOne() throws RejectedRequestException {
        assertThat(read(message().set("status", "failed").signedWith(new FortumoSigner(SECRET))))
                .isInstanceOfSatisfying(DeliveryReport.class, report -> assertThat(report.billed()).isFalse());
    }

    @Test
    void theOptionalParametersAreSentOnlyWhenSet() {
        assertThat(new FortumoRequest("f-1", "3706", "SAFE", "x").serviceId("").parameters())
                .doesNotContainKeys("service_id", "price_wo_vat").containsEntry("test", "false");
    }
}
