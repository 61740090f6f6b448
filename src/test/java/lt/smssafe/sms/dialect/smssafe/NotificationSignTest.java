package lt.smssafe.sms.dialect.smssafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import lt.smssafe.sms.dialect.smssafe.Notification.MalformedNotificationException;

/**
 * The production signer and verifier against fixed vectors computed outside Java, so that a mistake shared by the
 * signer and the tests cannot hide:
 *
 * <pre>
 * printf '%s' "$CANONICAL" | openssl dgst -sha256 -hmac "$PASSKEY"
 * printf '%s' "$PASSKEY::$CANONICAL" | md5sum
 * </pre>
 */
class NotificationSignTest {
    private static final Passkey PASSKEY = Passkey.of("s3cr3t-passkey");
    private static final Passkey UTF8_PASSKEY = Passkey.of("slaptažodis-ąčę");

    private static final String ASCII = "1234::msg-1::37060000001::lt::bite_lt::1337::order-42::1.45::EUR::1763805600";
    private static final String LITHUANIAN = "1234::msg-2::37060000001::lt::bite_lt::1337::ačiū::1.45::EUR::1763805600";
    private static final String EMPTY_CONTENT = "1234::msg-3::37060000001::lt::bite_lt::1337::::1.45::EUR::1763805600";
    private static final String RUSSIAN = "0012::msg-4::79161234567::RU::mts_ru::7151::спасибо::1.5::rub::1763805600";

    @Test
    void hmacSha256OfAsciiContent() {
        assertThat(new NotificationSigner(SignatureScheme.HMAC_SHA256, PASSKEY).sign(ASCII))
                .isEqualTo("f572c4ee0aca00a9a839b78811e6dde06d15ccfbdaa637b5d270bb48bb28dfe0");
    }

    @Test
    void hmacSha256OfUtf8Content() {
        assertThat(new NotificationSigner(SignatureScheme.HMAC_SHA256, PASSKEY).sign(LITHUANIAN))
                .isEqualTo("0ff046ce1054a5d7b50d87829e880a5fe537e105d5712a3b441fb95e6af50797");
        assertThat(new NotificationSigner(SignatureScheme.HMAC_SHA256, PASSKEY).sign(RUSSIAN))
                .isEqualTo("aa1121fd9c90a73aa7956c1ba07c7a819e4533f51a0ab30ea6bc0dc26cff23c7");
    }

    @Test
    void hmacSha256OfEmptyContent() {
        assertThat(new NotificationSigner(SignatureScheme.HMAC_SHA256, PASSKEY).sign(EMPTY_CONTENT))
                .isEqualTo("708219ab31fc62e8b97570bc722f6621d1d5da59906b9481d2eb948974b5dc7e");
    }

    @Test
    void hmacSha256KeyIsThePasskeyInUtf8() {
        assertThat(new NotificationSigner(SignatureScheme.HMAC_SHA256, UTF8_PASSKEY).sign(ASCII))
                .isEqualTo("50395e0f715cdd21769cf329d84d96b53da072841f9be7b02c8c31ac2d505ae9");
    }

    @Test
    void md5OfAsciiContent() {
        assertThat(new NotificationSigner(SignatureScheme.MD5, PASSKEY).sign(ASCII))
                .isEqualTo("3dd859e40cd88d6b81b5d5e07e0528ef");
    }

    @Test
    void md5OfUtf8Content() {
        assertThat(new NotificationSigner(SignatureScheme.MD5, PASSKEY).sign(LITHUANIAN))
                .isEqualTo("54cb7f88f315185c7142f70eb45f4553");
        assertThat(new NotificationSigner(SignatureScheme.MD5, PASSKEY).sign(RUSSIAN))
                .isEqualTo("7316127080d3bbf3c83ed0cd439bf04a");
    }

    @Test
    void md5OfEmptyContent() {
        assertThat(new NotificationSigner(SignatureScheme.MD5, PASSKEY).sign(EMPTY_CONTENT))
                .isEqualTo("237eecf8d99fe80f8111e81a8c809007");
    }

    @Test
    void md5OfUtf8Passkey() {
        assertThat(new NotificationSigner(SignatureScheme.MD5, UTF8_PASSKEY).sign(ASCII))
                .isEqualTo("8c9d9ecbc2ec8872de0447eeefa5b8bc");
    }

    @Test
    void theCanonicalStringKeepsTheTextsAsReceived() throws MalformedNotificationException {
        Notification n = Notification.parse(
                params(RUSSIAN, "aa1121fd9c90a73aa7956c1ba07c7a819e4533f51a0ab30ea6bc0dc26cff23c7"));

        assertThat(n.canonical()).isEqualTo(RUSSIAN);
        assertThat(n.safeId()).isEqualTo(12);
        assertThat(n.country()).isEqualTo("ru");
        assertThat(n.currency()).isEqualTo("RUB");
        assertThat(n.cost()).isEqualByComparingTo("1.50");
        assertThat(n.content()).isEqualTo("спасибо");
    }

    @Test
    void theVerifierAcceptsTheVectorsInEitherCase() throws MalformedNotificationException {
        NotificationSigner hmac = new NotificationSigner(SignatureScheme.HMAC_SHA256, PASSKEY);
        NotificationSigner md5 = new NotificationSigner(SignatureScheme.MD5, PASSKEY);
        String hmacHex = "0ff046ce1054a5d7b50d87829e880a5fe537e105d5712a3b441fb95e6af50797";
        String md5Hex = "54cb7f88f315185c7142f70eb45f4553";

        assertThat(hmac.verify(Notification.parse(params(LITHUANIAN, hmacHex)))).isTrue();
        assertThat(hmac.verify(Notification.parse(params(LITHUANIAN, hmacHex.toUpperCase(Locale.ROOT))))).isTrue();
        assertThat(md5.verify(Notification.parse(params(LITHUANIAN, md5Hex)))).isTrue();
        assertThat(md5.verify(Notification.parse(params(LITHUANIAN, md5Hex.toUpperCase(Locale.ROOT))))).isTrue();
        assertThat(md5.verify(Notification.parse(params(EMPTY_CONTENT, "237EECF8d99fe80f8111e81a8c809007")))).isTrue();
    }

    @Test
    void theVerifierRefusesAnotherSchemeOrASignatureCutShort() throws MalformedNotificationException {
        NotificationSigner hmac = new NotificationSigner(SignatureScheme.HMAC_SHA256, PASSKEY);
        NotificationSigner md5 = new NotificationSigner(SignatureScheme.MD5, PASSKEY);
        String hmacHex = "f572c4ee0aca00a9a839b78811e6dde06d15ccfbdaa637b5d270bb48bb28dfe0";

        assertThat(md5.verify(Notification.parse(params(ASCII, hmacHex)))).isFalse();
        assertThat(hmac.verify(Notification.parse(params(ASCII, "3dd859e40cd88d6b81b5d5e07e0528ef")))).isFalse();
        assertThat(hmac.verify(Notification.parse(params(ASCII, hmacHex.substring(0, 63))))).isFalse();
        assertThat(hmac.verify(Notification.parse(params(ASCII, hmacHex + "0")))).isFalse();
    }

    @Test
    void theVerifierRefusesAnotherPasskey() throws MalformedNotificationException {
        NotificationSigner other = new NotificationSigner(SignatureScheme.HMAC_SHA256, UTF8_PASSKEY);

        assertThat(other.verify(Notification.parse(
                params(ASCII, "f572c4ee0aca00a9a839b78811e6dde06d15ccfbdaa637b5d270bb48bb28dfe0")))).isFalse();
    }

    /** The parameter map a servlet would hand over for this canonical string and sign. */
    private static Map<String, String[]> params(String canonical, String sign) {
        String[] names = {"safe", "message_id", "msisdn", "country", "provider", "shortcode", "content", "cost_local",
            "currency", "time"};
        String[] values = canonical.split("::", -1);
        assertThat(values).hasSize(names.length);
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            params.put(names[i], new String[] {values[i]});
        }
        params.put("sign", new String[] {sign});
        return params;
    }
}
