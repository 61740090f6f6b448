package lt.smssafe.sms.dialect.paysera;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.GatewayEvent;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.TestPolicy;
import lt.smssafe.sms.dialect.paysera.PayseraCodec.RsaSignature;
import org.junit.jupiter.api.Test;
import lt.smssafe.sms.dialect.FormQuery;

/**
 * Only {@code data} is signed (docs/protocol.md §8.2), as a property: whoever holds one genuine signed callback, whose
 * buyer texted a hostile {@code sms}, gets no forged or altered message accepted by anything outside {@code data}
 * (signatures copied, repeated, swapped, an {@code ss1} next to a forged {@code data}) nor by re-encoding
 * {@code data}; and with {@code paysera.public-key} set, not even with the project password (leaked or weak), since
 * {@code ss1} alone is then refused. Seeded; the genuine callbacks are signed with the production codec.
 *
 * <p>Not covered, by the contract: a callback with no signature at all is the encrypted form, which the password
 * alone opens, so a leaked password still forges that form (the public key cannot help there).
 */
class PayseraForgeryPropertyTest {
    private static final long PROJECT = 123456;
    private static final String PASSWORD = "paysera-project-password";
    private static final int CALLBACKS = 40;
    private static final String[] TOKENS = {"&", "=", "%3D", "%26", "&id=forged", "&amount=1", "::", " ", "+",
        "ss1=", "data=", "&from=37069999999", "%", "ačiū", "SAFE"};
    private static final KeyPair PAYSERA = keyPair(1);
    private static final KeyPair STRANGER = keyPair(2);

    private final PayseraDialect withKey = new PayseraDialect(new PayseraConfig(PROJECT, PASSWORD,
            Optional.of(PAYSERA.getPublic()), TestPolicy.ACCEPT), AddressFilter.allowAll());
    private final PayseraDialect withoutKey = new PayseraDialect(new PayseraConfig(PROJECT, PASSWORD,
            Optional.empty(), TestPolicy.ACCEPT), AddressFilter.allowAll());

    @Test
    void nothingOutsideDataNorAReEncodingGetsAnAlteredMessageAccepted() {
        Random random = new Random(21);
        List<String> accepted = new ArrayList<>();
        int tries = 0;
        for (int i = 0; i < CALLBACKS; i++) {
            Map<String, String> fields = fields(random);
            String data = PayseraCodec.encode(FormQuery.of(fields)
                    .getBytes(StandardCharsets.UTF_8));
            Map<String, String> genuine = signatures(data, PAYSERA);
            Optional<GatewayEvent> original = read(withKey, request(data, genuine));
            assertThat(original).as("the genuine callback %s", fields).isPresent();
            for (String forged : forgedData(fields, data, random)) {
                for (Map<String, String[]> attempt : attempts(forged, data, genuine)) {
                    tries++;
                    for (PayseraDialect dialect : List.of(withKey, withoutKey)) {
                        record(accepted, dialect, attempt, original, "without the password");
                    }
                    // the password leaked: with the public key set, an ss1 of its own is not enough
                    Map<String, String[]> leaked = new LinkedHashMap<>(attempt);
                    leaked.put("ss1", new String[] {PayseraCodec.ss1(forged, PASSWORD)});
                    tries++;
                    record(accepted, withKey, leaked, original, "with the password, against the public key");
                }
            }
        }
        assertThat(tries).as("forgeries tried").isGreaterThan(CALLBACKS * 20);
        assertThat(accepted.size()).as("forgeries accepted with other values, of %d tried; the first ones:%n%s", tries,
                String.join("\n", accepted.subList(0, Math.min(20, accepted.size())))).isZero();
    }

    private static void record(List<String> accepted, PayseraDialect dialect, Map<String, String[]> attempt,
            Optional<GatewayEvent> original, String attacker) {
        Optional<GatewayEvent> event = read(dialect, attempt);
        if (event.isPresent() && !event.equals(original)) {
            accepted.add(attacker + ": " + describe(attempt) + " read as " + event.get() + ", the genuine as "
                    + original.get());
        }
    }

    /** A paid SMS as Paysera sends it, the buyer's text hostile. */
    private static Map<String, String> fields(Random random) {
        StringBuilder text = new StringBuilder("SAFE ");
        int tokens = 1 + random.nextInt(6);
        for (int t = 0; t < tokens; t++) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("to", "1679");
        f.put("sms", text.toString());
        f.put("from", "3706" + (1_000_000 + random.nextInt(9_000_000)));
        f.put("operator", "Bite");
        f.put("amount", String.valueOf(100 + random.nextInt(400)));
        f.put("currency", "EUR");
        f.put("country", "LT");
        f.put("id", "p-" + Long.toHexString(random.nextLong()));
        f.put("test", "0");
        f.put("key", "SAFE");
        f.put("projectid", String.valueOf(PROJECT));
        f.put("version", "1.6");
        return f;
    }

    /** {@code data} an attacker can make: other fields, repeated fields, the genuine one re-encoded. */
    private static List<String> forgedData(Map<String, String> fields, String data, Random random) {
        List<String> forged = new ArrayList<>();
        Map<String, String> other = new LinkedHashMap<>(fields);
        other.put("id", "forged-" + random.nextInt(1000));
        forged.add(encode(FormQuery.of(other)));
        Map<String, String> cheaper = new LinkedHashMap<>(fields);
        cheaper.put("amount", "1");
        forged.add(encode(FormQuery.of(cheaper)));
        String genuineQuery = FormQuery.of(fields);
        forged.add(encode(genuineQuery + "&id=forged"));
        forged.add(encode("id=forged&" + genuineQuery));
        forged.add(encode(genuineQuery + "&sms=SAFE+other"));
        byte[] bytes = genuineQuery.getBytes(StandardCharsets.UTF_8);
        forged.add(Base64.getEncoder().encodeToString(bytes));
        forged.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        forged.add(data.replace("=", ""));
        forged.add(data + "=");
        forged.add(data.toLowerCase(java.util.Locale.ROOT));
        forged.add(data);
        return forged;
    }

    /** What can travel next to {@code data}: the genuine signatures copied, repeated, swapped, a stranger's. */
    private static List<Map<String, String[]>> attempts(String forged, String data, Map<String, String> genuine) {
        Map<String, String> stranger = signatures(forged, STRANGER);
        List<Map<String, String[]>> attempts = new ArrayList<>();
        attempts.add(request(forged, Map.of("ss1", genuine.get("ss1"))));
        attempts.add(request(forged, Map.of("ss2", genuine.get("ss2"))));
        attempts.add(request(forged, Map.of("ss3", genuine.get("ss3"))));
        attempts.add(request(forged, genuine));
        attempts.add(request(forged, Map.of("ss2", genuine.get("ss3"), "ss3", genuine.get("ss2"))));
        attempts.add(request(forged, Map.of("ss1", genuine.get("ss1"), "ss3", stranger.get("ss3"))));
        attempts.add(request(forged, Map.of("ss3", stranger.get("ss3"))));
        attempts.add(request(forged, Map.of()));
        Map<String, String[]> repeated = request(forged, Map.of());
        repeated.put("ss3", new String[] {stranger.get("ss3"), genuine.get("ss3")});
        attempts.add(repeated);
        Map<String, String[]> twoData = request(forged, Map.of("ss3", genuine.get("ss3")));
        twoData.put("data", new String[] {data, forged});
        attempts.add(twoData);
        return attempts;
    }

    private static Map<String, String> signatures(String data, KeyPair key) {
        return Map.of("ss1", PayseraCodec.ss1(data, PASSWORD),
                "ss2", PayseraCodec.sign(RsaSignature.SS2, data, key.getPrivate()),
                "ss3", PayseraCodec.sign(RsaSignature.SS3, data, key.getPrivate()));
    }

    private static Map<String, String[]> request(String data, Map<String, String> signatures) {
        Map<String, String[]> request = new LinkedHashMap<>();
        request.put("data", new String[] {data});
        signatures.forEach((name, value) -> request.put(name, new String[] {value}));
        return request;
    }

    private static String encode(String query) {
        return PayseraCodec.encode(query.getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(Map<String, String[]> request) {
        return request.entrySet().stream().map(e -> e.getKey() + "=" + String.join("|", e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static Optional<GatewayEvent> read(PayseraDialect dialect, Map<String, String[]> request) {
        try {
            return Optional.of(dialect.read(new GatewayRequest("127.0.0.1", request)));
        } catch (RejectedRequestException refused) {
            return Optional.empty();
        }
    }

    /** Seeded, so that every run signs alike; 1024 bits keep the test fast and change nothing it checks. */
    private static KeyPair keyPair(long seed) {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(seed);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024, seeded);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
