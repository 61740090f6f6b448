package lt.smssafe.sms.dialect.paysera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.GatewayMessage;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.TestPolicy;
import lt.smssafe.sms.dialect.paysera.PayseraCodec.RsaSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /paysera}'s reading of a callback (docs/protocol.md §8.2): ss1, ss2 and ss3 with a key pair the test generates,
 * URL-safe base64, the encrypted form, the fields' forms, a wrong project, test messages. The signatures, the
 * base64 and the encryption are made here with the JDK's own {@code MessageDigest}, {@code Signature},
 * {@code Base64.getUrlEncoder()} and {@code Cipher}, as {@code paysera/lib-webtopay} ({@code src/WebToPay/Util.php},
 * {@code Sign/SS1SignChecker.php}, {@code Sign/SS2SignChecker.php}) describes them, so that the production codec is
 * checked against an independent oracle and not against itself.
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
    /** A project without {@code paysera.public-key}: only there does {@code ss1} decide. */
    private final PayseraDialect passwordOnly = new PayseraDialect(new PayseraConfig(PROJECT, PASSWORD,
            Optional.empty(), TestPolicy.ACCEPT), AddressFilter.allowAll());

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

    /** {@code data} as Paysera makes it: URL-safe base64 of the form-encoded fields (the JDK's encoder, not ours). */
    static String data(Map<String, String> fields) {
        String query = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return urlSafe(query.getBytes(StandardCharsets.UTF_8));
    }

    private static String urlSafe(byte[] bytes) {
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    /** The oracle for {@code ss1}: lib-webtopay's {@code md5($data . $password)}, computed here with the JDK. */
    private static String md5Ss1(String data, String password) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((data + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The oracle for {@code ss2}/{@code ss3}: an RSA signature over {@code data} made here, URL-safe base64. */
    private static String rsa(String algorithm, String data, PrivateKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(key);
        signature.update(data.getBytes(StandardCharsets.US_ASCII));
        return urlSafe(signature.sign());
    }

    /**
     * The oracle for the encrypted form, as lib-webtopay's {@code Util::decryptGCM} reads it: AES-256-GCM, the IV
     * the first 12 bytes, the 16-byte tag the last (the JDK's GCM output ends with it), the key the password's bytes
     * zero-padded or cut to 32 as PHP's OpenSSL takes a key string.
     */
    private static String aesGcm(String query, String password, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOf(password.getBytes(StandardCharsets.UTF_8),
                32), "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(query.getBytes(StandardCharsets.UTF_8));
        byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
        System.arraycopy(sealed, 0, out, iv.length, sealed.length);
        return urlSafe(out);
    }

    /**
     * A query written as a sender may write it, with raw UTF-8 and raw {@code ? >} (a form decoder takes them as
     * they are), so that its standard base64 has both {@code +} and {@code /}: only then is URL-safety exercised.
     */
    private static final String RAW_QUERY = "to=1679&sms=SAFE+order-42+a\u010di\u016b+???>>>&from=37060000001"
            + "&operator=Bit\u0117&amount=145&currency=EUR&country=LT&id=p-77&test=0&key=SAFE&projectid=" + PROJECT
            + "&version=1.6";
    private static final GatewayMessage RAW_EXPECTED = new GatewayMessage(PayseraDialect.NAME, "p-77", "37060000001",
            "lt", "bit", "1679", "order-42 a\u010di\u016b ???>>>", new BigDecimal("1.45"), "EUR", false);

    private static Map<String, String[]> request(String... pairs) {
        Map<String, String[]> p = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return p;
    }

    private Object read(PayseraDialect d, Map<String, String[]> params) {
        return read(d, "127.0.0.1", params);
    }

    private Object read(PayseraDialect d, String caller, Map<String, String[]> params) {
        try {
            return d.read(new GatewayRequest(caller, params));
        } catch (RejectedRequestException e) {
            return e.status() + " " + e.answer();
        }
    }

    private static final GatewayMessage EXPECTED = new GatewayMessage(PayseraDialect.NAME, "p-77", "37060000001",
            "lt", "bit", "1679", "order-42 ačiū", new BigDecimal("1.45"), "EUR", false);

    @Test
    void eachSignatureAloneVerifiesAndSs1OnlyWithoutAPublicKey() {
        String data = data(fields());

        assertThat(read(passwordOnly, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD))))
                .isEqualTo(EXPECTED);
        assertThat(read(dialect, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD))))
                .as("with the public key set, the password alone is not enough").isEqualTo("403 checksum failed");
        assertThat(read(dialect, request("data", data, "ss2", PayseraCodec.sign(RsaSignature.SS2, data,
                paysera.getPrivate())))).isEqualTo(EXPECTED);
        assertThat(read(dialect, request("data", data, "ss3", PayseraCodec.sign(RsaSignature.SS3, data,
                paysera.getPrivate())))).isEqualTo(EXPECTED);
    }

    @Test
    void theDataIsUrlSafeBase64() throws GeneralSecurityException {
        byte[] query = RAW_QUERY.getBytes(StandardCharsets.UTF_8);
        String standard = Base64.getEncoder().encodeToString(query);
        String data = urlSafe(query);
        assertThat(standard).as("the fixture must exercise both replaced characters").contains("+", "/");
        assertThat(data).as("and its URL-safe form both replacements").contains("-", "_");

        assertThat(read(passwordOnly, request("data", data, "ss1", md5Ss1(data, PASSWORD)))).isEqualTo(RAW_EXPECTED);
        assertThat(PayseraCodec.decode(data)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(query));
        assertThat(PayseraCodec.encode(query)).as("what the sandbox and the tool send").isEqualTo(data);
    }

    @Test
    void ss1IsTheMd5OfDataAndPasswordComputedIndependently() throws GeneralSecurityException {
        String data = urlSafe(RAW_QUERY.getBytes(StandardCharsets.UTF_8));
        String ss1 = md5Ss1(data, PASSWORD);

        assertThat(read(passwordOnly, request("data", data, "ss1", ss1))).isEqualTo(RAW_EXPECTED);
        assertThat(read(passwordOnly, request("data", data, "ss1", ss1.toUpperCase(java.util.Locale.ROOT))))
                .as("hex in either case").isEqualTo(RAW_EXPECTED);
        assertThat(read(passwordOnly, request("data", data, "ss1", md5Ss1(data, PASSWORD + "x"))))
                .isEqualTo("403 checksum failed");
        assertThat(PayseraCodec.ss1(data, PASSWORD)).as("what the sandbox and the tool send").isEqualTo(ss1);
    }

    @Test
    void ss2AndSs3MadeWithTheJdksSignatureVerify() throws GeneralSecurityException {
        String data = urlSafe(RAW_QUERY.getBytes(StandardCharsets.UTF_8));
        String ss2 = rsa("SHA1withRSA", data, paysera.getPrivate());
        String ss3 = rsa("SHA256withRSA", data, paysera.getPrivate());

        assertThat(read(dialect, request("data", data, "ss2", ss2))).isEqualTo(RAW_EXPECTED);
        assertThat(read(dialect, request("data", data, "ss3", ss3))).isEqualTo(RAW_EXPECTED);
        assertThat(read(dialect, request("data", data, "ss2", ss3))).as("SHA-256 is not SHA-1")
                .isEqualTo("403 checksum failed");
        assertThat(read(dialect, request("data", data, "ss3", ss2))).isEqualTo("403 checksum failed");
        assertThat(read(dialect, request("data", data, "ss3", rsa("SHA256withRSA", data, stranger.getPrivate()))))
                .isEqualTo("403 checksum failed");
        // PKCS#1 v1.5 signatures are deterministic: the production signer must make the very same bytes
        assertThat(PayseraCodec.sign(RsaSignature.SS2, data, paysera.getPrivate())).isEqualTo(ss2);
        assertThat(PayseraCodec.sign(RsaSignature.SS3, data, paysera.getPrivate())).isEqualTo(ss3);
    }

    @Test
    void theEncryptedFormMadeWithTheJdksCipherIsRead() throws GeneralSecurityException {
        byte[] iv = HexFormat.of().parseHex("000102030405060708090a0b");
        String encrypted = aesGcm(RAW_QUERY, PASSWORD, iv);
        String longPassword = "y".repeat(32) + "cut-off-beyond-32-bytes";
        PayseraDialect withLongPassword = new PayseraDialect(new PayseraConfig(PROJECT, longPassword,
                Optional.empty(), TestPolicy.ACCEPT), AddressFilter.allowAll());

        assertThat(read(dialect, request("data", encrypted))).as("a short password, zero-padded")
                .isEqualTo(RAW_EXPECTED);
        assertThat(read(withLongPassword, request("data", aesGcm(RAW_QUERY, "y".repeat(32), iv))))
                .as("a long password, cut to 32 bytes").isEqualTo(RAW_EXPECTED);
        assertThat(read(dialect, request("data", aesGcm(RAW_QUERY, PASSWORD + "\0", iv))))
                .as("a trailing zero byte is what the padding adds anyway").isEqualTo(RAW_EXPECTED);
        assertThat(read(dialect, request("data", aesGcm(RAW_QUERY, "another-password", iv))))
                .isEqualTo("403 checksum failed");
        byte[] tampered = Base64.getUrlDecoder().decode(encrypted);
        tampered[tampered.length - 1] ^= 1;
        assertThat(read(dialect, request("data", urlSafe(tampered)))).as("a changed tag")
                .isEqualTo("403 checksum failed");
    }

    @Test
    void aCallerOutsideNotifyAllowIsForbiddenBeforeAnythingElse() {
        PayseraDialect guarded = new PayseraDialect(new PayseraConfig(PROJECT, PASSWORD, Optional.empty(),
                TestPolicy.ACCEPT), AddressFilter.parse("10.0.0.0/8"));
        String data = data(fields());

        assertThat(read(guarded, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD))))
                .as("a good request from outside").isEqualTo("403 forbidden");
        assertThat(read(guarded, Map.of())).as("before the missing data").isEqualTo("403 forbidden");
        assertThat(read(guarded, "10.1.2.3", request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD))))
                .as("from inside").isEqualTo(EXPECTED);
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

    /**
     * The downgrade of issue 21: with the public key set, whoever has the project password (leaked, weak) signs a
     * forged callback with ss1 alone and nothing else; it is refused, while the same message signed by Paysera with
     * ss3 (or ss2) is read, and so is the encrypted form, which carries no signature at all.
     */
    @Test
    void withThePublicKeySetSs1AloneIsAChecksumFailureAndRsaAndTheEncryptedFormStillDecide() {
        Map<String, String> forged = fields();
        forged.put("id", "forged-1");
        String data = data(forged);
        String ss3 = PayseraCodec.sign(RsaSignature.SS3, data, paysera.getPrivate());
        String ss2 = PayseraCodec.sign(RsaSignature.SS2, data, paysera.getPrivate());
        String query = new String(PayseraCodec.decode(data).orElseThrow(), StandardCharsets.UTF_8);

        assertThat(read(dialect, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD))))
                .isEqualTo("403 checksum failed");
        assertThat(read(dialect, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD), "ss3", ss3)))
                .as("ss3 decides").isInstanceOf(GatewayMessage.class);
        assertThat(read(dialect, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD), "ss2", ss2)))
                .as("ss2 decides").isInstanceOf(GatewayMessage.class);
        assertThat(read(dialect, request("data", data, "ss1", "0".repeat(32), "ss3", ss3)))
                .as("a wrong ss1 next to a good ss3 is not checked").isInstanceOf(GatewayMessage.class);
        assertThat(read(dialect, request("data", PayseraCodec.encrypt(query, PASSWORD))))
                .as("the encrypted form").isInstanceOf(GatewayMessage.class);
    }

    @Test
    void aWrongPasswordOrChangedDataFails() {
        String data = data(fields());
        Map<String, String> cheaper = fields();
        cheaper.put("amount", "1");

        assertThat(read(passwordOnly, request("data", data, "ss1", PayseraCodec.ss1(data, "guessed-password"))))
                .isEqualTo("403 checksum failed");
        assertThat(read(passwordOnly, request("data", data(cheaper), "ss1", PayseraCodec.ss1(data, PASSWORD))))
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

        assertThat(read(passwordOnly, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD))))
                .isEqualTo("400 bad request: " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"amount=1.45", "currency=EURO", "country=LTU", "id=a b", "test=yes", "from=+370 600"})
    void aMalformedFieldIsA400NamingIt(String assignment) {
        String name = assignment.substring(0, assignment.indexOf('='));
        Map<String, String> f = fields();
        f.put(name, assignment.substring(name.length() + 1));
        String data = data(f);

        assertThat(read(passwordOnly, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD))))
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

        assertThat(read(passwordOnly, request("data", data, "ss1", PayseraCodec.ss1(data, PASSWORD))))
                .isEqualTo("404 unknown service");
    }

    @Test
    void testMessagesAreFlaggedOrRefused() {
        Map<String, String> f = fields();
        f.put("test", "1");
        String data = data(f);
        Map<String, String[]> params = request("data", data, "ss3", PayseraCodec.sign(RsaSignature.SS3, data,
                paysera.getPrivate()));

        assertThat(((GatewayMessage) read(dialect, params)).test()).isTrue();
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
