package lt.smssafe.sms.dialect.paysera;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.FuzzedRequests;
import lt.smssafe.sms.dialect.GatewayMessage;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.TestPolicy;
import lt.smssafe.sms.dialect.paysera.PayseraCodec.RsaSignature;

/**
 * {@code /paysera}'s reading of a callback (docs/protocol.md §8.2) under fuzzed input: a paid message or one of §8's
 * refusals, always a 4xx, never another exception. In the suite it runs the inputs in
 * {@code PayseraDialectFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes it.
 *
 * <p>Most of what Paysera sends is inside {@code data}, so the harness mostly builds {@code data} from the fuzzer's
 * fields and signs or encrypts it with the production codec, so that the fuzzer reaches the fields. The input's
 * last byte chooses how (as a digit in the input files):
 * <ol start="0">
 * <li>the request's own parameters as given ({@code data}, {@code ss1}…, nothing signed by the harness);</li>
 * <li>the fields form-encoded into {@code data}, signed with {@code ss1}, read by a project without a public key
 *     (with one, {@code ss1} alone is refused);</li>
 * <li>the fields encrypted with the project password, without signatures;</li>
 * <li>the fields signed with {@code ss3};</li>
 * <li>the fields signed with {@code ss2};</li>
 * <li>the rest of the input as the query inside {@code data} as it is (broken escapes, repeats), signed with
 *     {@code ss1}, read by a project without a public key;</li>
 * <li>the same, encrypted;</li>
 * <li>the fields signed with {@code ss1}, read by a project without a public key that refuses test messages.</li>
 * </ol>
 */
class PayseraDialectFuzzTest {
    private static final long PROJECT = 123456;
    private static final String PASSWORD = "paysera-project-password";
    private static final Set<String> PARAMETERS = Set.of("data", "ss1", "ss2", "ss3", "to", "sms", "from",
            "operator", "amount", "currency", "country", "id", "test", "key", "projectid", "version");
    private static final KeyPair PAYSERA = keyPair();
    private static final PayseraDialect WITH_KEY = new PayseraDialect(new PayseraConfig(PROJECT, PASSWORD,
            Optional.of(PAYSERA.getPublic()), TestPolicy.ACCEPT), AddressFilter.allowAll());
    private static final PayseraDialect PASSWORD_ONLY = new PayseraDialect(new PayseraConfig(PROJECT, PASSWORD,
            Optional.empty(), TestPolicy.ACCEPT), AddressFilter.allowAll());
    private static final PayseraDialect NO_TESTS = new PayseraDialect(new PayseraConfig(PROJECT, PASSWORD,
            Optional.empty(), TestPolicy.REJECT), AddressFilter.allowAll());

    /** 1024 bits only to keep signing fast while fuzzing; reading the fields does not depend on the key. */
    private static KeyPair keyPair() {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(14L);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024, seeded);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({"data", "ss1", "ss2", "ss3", "to", "sms", "from", "operator", "amount", "currency",
        "country", "id", "test", "key", "projectid", "version", "123456", "SAFE", "EUR", "%", "&", "="})
    void aCallbackIsReadOrRefusedWithItsAnswer(FuzzedDataProvider input) {
        int harness = input.consumeInt(0, 7);
        Map<String, String[]> request;
        Map<String, String[]> fields = null;
        if (harness == 0) {
            request = FuzzedRequests.parameters(input);
        } else if (harness == 5 || harness == 6) {
            request = callback(input.consumeRemainingAsString(), harness == 6 ? null : "ss1");
        } else {
            fields = FuzzedRequests.parameters(input);
            String how = switch (harness) {
                case 2 -> null;
                case 3 -> "ss3";
                case 4 -> "ss2";
                default -> "ss1";
            };
            request = callback(query(fields), how);
        }
        PayseraDialect dialect = switch (harness) {
            case 1, 5 -> PASSWORD_ONLY;
            case 7 -> NO_TESTS;
            default -> WITH_KEY;
        };
        try {
            GatewayMessage message = (GatewayMessage) dialect.read(new GatewayRequest("127.0.0.1", request));
            FuzzedRequests.assertWellFormed(message);
            if (fields != null) {
                assertThat(message.messageId()).isEqualTo(fields.get("id")[0]);
            }
        } catch (RejectedRequestException refusal) {
            FuzzedRequests.assertIsTheCallersAnswer(refusal, PARAMETERS);
        }
    }

    /** The fields form-encoded as Paysera's library writes them, a repeated name repeated. */
    private static String query(Map<String, String[]> fields) {
        StringJoiner query = new StringJoiner("&");
        fields.forEach((name, values) -> {
            for (String value : values) {
                query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** The request carrying this query, signed with {@code ss1}, {@code ss2} or {@code ss3}; {@code null}: encrypted. */
    private static Map<String, String[]> callback(String query, String signature) {
        Map<String, String[]> request = new LinkedHashMap<>();
        if (signature == null) {
            FuzzedRequests.put(request, "data", PayseraCodec.encrypt(query, PASSWORD));
            return request;
        }
        String data = PayseraCodec.encode(query.getBytes(StandardCharsets.UTF_8));
        FuzzedRequests.put(request, "data", data);
        FuzzedRequests.put(request, signature, switch (signature) {
            case "ss3" -> PayseraCodec.sign(RsaSignature.SS3, data, PAYSERA.getPrivate());
            case "ss2" -> PayseraCodec.sign(RsaSignature.SS2, data, PAYSERA.getPrivate());
            default -> PayseraCodec.ss1(data, PASSWORD);
        });
        return request;
    }
}
