package lt.smssafe.sms.dialect.paysera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.ProviderRequest;
import lt.smssafe.sms.dialect.TestPolicy;
import lt.smssafe.sms.dialect.paysera.PayseraCodec.RsaSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /paysera}'s reading of a callback (PROTOCOL.md §8.2): ss1, ss2 and ss3 with a key pair the test generates,
 * URL-safe base64, the encrypted form, the fields' forms, a wrong project, test messages.
 */
class PayseraDialectTest {
    private static final long PROJECT = 123456;
    private static final String PASSWORD = "paysera-project-password";
    private static KeyPair paysera;
    private static KeyPair stranger;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        paysera = generator.generateKeyPair();
        stranger = generator.generateKeyPair();
    }

    private static PayseraDialect dialect(TestPolicy test) {
        return new PayseraDialect(new PayseraConfig(PROJECT, PASSWORD,
                Optional.of(PayseraKeys.publicKey(PayseraKeys.pem(paysera.getPublic()))), test), AddressFilter.allowAll());
    }

    private final PayseraDialect dialect = dialect(TestPolicy.ACCEPT);

    static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("to", "1679");
        f.put("sms", "SAFE  order-42 ačiū");
        f.put("from", "37060000001");
        f.put("operator", "Bitė");
        f.put("amount", "145");
        f.put("currency", "EUR");
        f.put("country", "LT");
        f.put("id", "p-77");
        f.put("test", "0");
        f.put("key", "SAFE");
        f.put("projectid", String.valueOf(PROJECT));
        f.put("version", "1.6");
        return f;
    }

    /** {@code data} as Paysera makes it: URL-safe base64 of the form-encoded fields. */
    static String data(Map<String, String> fields) {
        String query = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return PayseraCodec.encode(query.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String[]> request(String... pairs) {
        Map<String, String[]> p = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return p;
    }

    private Object read(PayseraDialect d, Map<String, String[]> params) {
        try {
            return d.read(new ProviderRequest("127.0.0.1", params));
        } catch (RejectedRequestException e) {
            return e.status() + " " + e.answer();
        }
    }

    private static final PayseraMessage EXPECTED = new PayseraMessage("p-77", "37060000001", "lt", "bit", "1679",
            "order-42 ačiū", new BigDecimal("1.45"), "EUR", false);

    @Test
    void eachSignatureAloneVerifies() {
        String data = data(fields());

        assertThat(read(dialect, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD)))).isEqualTo(EXPECTED);
        assertThat(read(dialect, request("data", data, "ss2", PayseraCodec.sign(RsaSignature.SS2, data,
                paysera.getPrivate())))).isEqualTo(EXPECTED);
        assertThat(read(dialect, request("data", data, "ss3", PayseraCodec.sign(RsaSignature.SS3, data,
                paysera.getPrivate())))).isEqualTo(EXPECTED);
    }

    @Test
    void theDataIsUrlSafeBase64() {
        String data = data(fields());

        assertThat(data).doesNotContain("+", "/");
        assertThat(PayseraCodec.decode(data)).isPresent();
    }

    @Test
    void theStrongestCheckableSignatureDecides() {
        String data = data(fields());
        String goodSs1 = PayseraCodec.ss1(data, PASSWORD);
        String forgedSs3 = PayseraCodec.sign(RsaSignature.SS3, data, stranger.getPrivate());
        String goodSs2 = PayseraCodec.sign(RsaSignature.SS2, data, paysera.getPrivate());

        assertThat(read(dialect, request("data", data, "ss1", goodSs1, "ss3", forgedSs3)))
                .as("a forged ss3 is not saved by a good ss1").isEqualTo("403 checksum failed");
        assertThat(read(dialect, request("data", data, "ss2", goodSs2, "ss3", forgedSs3)))
                .isEqualTo("403 checksum failed");
        PayseraDialect withoutKey = new PayseraDialect(new PayseraConfig(PROJECT, PASSWORD, Optional.empty(),
                TestPolicy.ACCEPT), AddressFilter.allowAll());
        assertThat(read(withoutKey, request("data", data, "ss1", goodSs1, "ss3", forgedSs3)))
                .as("without the public key ss1 decides").isEqualTo(EXPECTED);
        assertThat(read(withoutKey, request("data", data, "ss3", forgedSs3)))
                .as("an RSA signature nobody can check is none").isEqualTo("403 checksum failed");
    }

    @Test
    void aWrongPasswordOrChangedDataFails() {
        String data = data(fields());
        Map<String, String> cheaper = fields();
        cheaper.put("amount", "1");

        assertThat(read(dialect, request("data", data, "ss1", PayseraCodec.ss1(data, "guessed-password"))))
                .isEqualTo("403 checksum failed");
        assertThat(read(dialect, request("data", data(cheaper), "ss1", PayseraCodec.ss1(data, PASSWORD))))
                .isEqualTo("403 checksum failed");
    }

    @Test
    void theEncryptedFormIsReadWithThePassword() {
        String query = new String(PayseraCodec.decode(data(fields())).orElseThrow(), StandardCharsets.UTF_8);
        String encrypted = PayseraCodec.encrypt(query, PASSWORD);

        assertThat(read(dialect, request("data", encrypted))).isEqualTo(EXPECTED);
        assertThat(read(dialect, request("data", PayseraCodec.encrypt(query, "another-password"))))
                .isEqualTo("403 checksum failed");
        assertThat(read(dialect, request("data", data(fields()))))
                .as("plain data without any signature").isEqualTo("403 checksum failed");
    }

    @Test
    void theKeyIsThePasswordZeroPaddedOrCutTo32Bytes() {
        String query = "to=1&sms=SAFE+x&from=370&amount=1&currency=EUR&country=lt&id=z&projectid=" + PROJECT;
        String longPassword = "x".repeat(32) + "ignored-beyond-32";

        assertThat(PayseraCodec.decrypt(PayseraCodec.decode(PayseraCodec.encrypt(query, longPassword)).orElseThrow(),
                "x".repeat(32))).hasValue(query);
        assertThat(PayseraCodec.decrypt(PayseraCodec.decode(PayseraCodec.encrypt(query, "short")).orElseThrow(),
                "short\0\0")).hasValue(query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"to", "sms", "from", "amount", "currency", "country", "id", "projectid"})
    void aMissingFieldIsA400NamingIt(String name) {
        Map<String, String> f = fields();
        f.remove(name);
        String data = data(f);

        assertThat(read(dialect, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD))))
                .isEqualTo("400 bad request: " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"amount=1.45", "currency=EURO", "country=LTU", "id=a b", "test=yes", "from=+370 600"})
    void aMalformedFieldIsA400NamingIt(String assignment) {
        String name = assignment.substring(0, assignment.indexOf('='));
        Map<String, String> f = fields();
        f.put(name, assignment.substring(name.length() + 1));
        String data = data(f);

        assertThat(read(dialect, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD))))
                .isEqualTo("400 bad request: " + name);
    }

    @Test
    void noOrBrokenDataIsA400() {
        assertThat(read(dialect, request("ss1", "0".repeat(32)))).isEqualTo("400 bad request: data");
        assertThat(read(dialect, request("data", "not base64!"))).isEqualTo("400 bad request: data");
        assertThat(read(dialect, request("data", "a"))).as("base64 of a wrong length").isEqualTo("400 bad request: data");
    }

    @Test
    void anotherProjectIsUnknown() {
        Map<String, String> f = fields();
        f.put("projectid", "999");
        String data = data(f);

        assertThat(read(dialect, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD))))
                .isEqualTo("404 unknown service");
    }

    @Test
    void testMessagesAreFlaggedOrRefused() {
        Map<String, String> f = fields();
        f.put("test", "1");
        String data = data(f);
        Map<String, String[]> params = request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD));

        assertThat(((PayseraMessage) read(dialect, params)).test()).isTrue();
        assertThat(read(dialect(TestPolicy.REJECT), params)).isEqualTo("403 test messages refused");
    }

    @Test
    void theContentIsTheSmsWithoutItsKeyword() {
        assertThat(PayseraDialect.content("SAFE order-42", Optional.of("SAFE"))).isEqualTo("order-42");
        assertThat(PayseraDialect.content("safe   order-42 ", Optional.of("SAFE"))).isEqualTo("order-42");
        assertThat(PayseraDialect.content("KEY order-42", Optional.empty())).isEqualTo("order-42");
        assertThat(PayseraDialect.content("SAFE", Optional.of("SAFE"))).isEmpty();
        assertThat(PayseraDialect.content("SAFEX order-42", Optional.of("SAFE"))).as("only a whole word is the keyword")
                .isEqualTo("SAFEX order-42");
    }

    @Test
    void aKeyIsReadFromPemTextOrAFileAndNothingElse(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String pem = PayseraKeys.pem(paysera.getPublic());
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("paysera.pem"), pem);

        assertThat(PayseraKeys.publicKey(pem)).isEqualTo(paysera.getPublic());
        assertThat(PayseraKeys.publicKey(file.toUri().toString())).isEqualTo(paysera.getPublic());
        assertThatThrownBy(() -> PayseraKeys.publicKey("not a key"))
                .hasMessage("must be a PEM public key or certificate, or a file: URL of one");
    }

    @Test
    void theAnswerIsOkAndTheReplyAndARefusalIsNot() {
        assertThat(dialect.answer(new lt.smssafe.sms.Answer(200, "your message is received", Optional.empty())).body())
                .isEqualTo("OK your message is received");
        assertThat(dialect.answer(new lt.smssafe.sms.Answer(409, "message_id reused", Optional.empty())).body())
                .isEqualTo("message_id reused");
    }
}
