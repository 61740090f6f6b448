package lt.smssafe.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The keyed HMAC that verifies every notification: RFC 4231's vectors, and the same answers under concurrent use. */
class HmacSha256Test {
    @Test
    void signsRfc4231TestCase2() {
        assertThat(new HmacSha256("Jefe".getBytes(StandardCharsets.UTF_8)).hex("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void signsRfc4231TestCase6WithAKeyLongerThanABlock() {
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);
        assertThat(new HmacSha256(key).hex("Test Using Larger Than Block-Size Key - Hash Key First"))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void oneKeyedInstanceGivesEachCallerItsOwnSignatureAtOnce() throws Exception {
        HmacSha256 hmac = new HmacSha256("passkey".getBytes(StandardCharsets.UTF_8));
        List<String> data = IntStream.range(0, 2_000).mapToObj(i -> "message-" + i).toList();
        List<String> expected = data.stream().map(HmacSha256Test::withAFreshMac).toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> signed = data.stream().map(d -> threads.submit(() -> hmac.hex(d))).toList();
            for (int i = 0; i < data.size(); i++) {
                assertThat(signed.get(i).get()).as(data.get(i)).isEqualTo(expected.get(i));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(hmac.hex("message-0")).isNotEqualTo(hmac.hex("message-1"));
    }

    private static String withAFreshMac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("passkey".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
