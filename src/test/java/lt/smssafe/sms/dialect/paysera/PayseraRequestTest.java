package lt.smssafe.sms.dialect.paysera;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.PaidMessage;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.TestPolicy;
import lt.smssafe.testing.RsaKeys;
import org.junit.jupiter.api.Test;

/** What the builder makes, in each of its forms, is what the production dialect reads, with the values it was given. */
class PayseraRequestTest {
    private static final String PASSWORD = "builder-password";
    private static final KeyPair KEYS = RsaKeys.generate();

    private static PaidMessage read(PayseraDialect dialect, Map<String, String> parameters)
            throws RejectedRequestException {
        Map<String, String[]> request = new LinkedHashMap<>();
        parameters.forEach((name, value) -> request.put(name, new String[] {value}));
        return (PaidMessage) dialect.read(new GatewayRequest("127.0.0.1", request));
    }

    private static PayseraDialect dialect(boolean publicKey) {
        return new PayseraDialect(new PayseraConfig(31313, PASSWORD, publicKey
                ? Optional.of(PayseraKeys.publicKey(PayseraKeys.pem(KEYS.getPublic()))) : Optional.empty(),
                TestPolicy.ACCEPT), AddressFilter.allowAll());
    }

    @Test
    void signedEncryptedOrWithSs1AloneItIsReadWithItsValues() throws RejectedRequestException {
        PayseraRequest request = new PayseraRequest("31313", "p-1", "37060000001", "PAY NOW", "order 42")
                .set("operator", "Tele2").price("2.90").test(true);

        for (PaidMessage paid : List.of(
                read(dialect(true), request.signedWith(PASSWORD, KEYS.getPrivate(), "ss1", "ss2", "ss3")),
                read(dialect(true), request.encryptedWith(PASSWORD)),
                read(dialect(false), request.signedWith(PASSWORD, null, "ss1")))) {
            assertThat(List.of(paid.messageId(), paid.msisdn(), paid.operator(), paid.content(), paid.cost(),
                    paid.test()))
                    .containsExactly("p-1", "37060000001", "tele2", "order 42", new BigDecimal("2.90"), true);
        }
        assertThat(request.fields()).containsEntry("sms", "PAY NOW order 42").containsEntry("key", "PAY NOW")
                .containsEntry("amount", "290");
    }
}
