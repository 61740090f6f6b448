package lt.smssafe.sms.dialect.fortumo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fortumo's MD5 signature against the public test vectors of {@code v0y/django-fortumo}
 * ({@code fortumo/tests/test_utils.py}, with the secret of {@code django_fortumo/settings/test.py}), whose
 * {@code fortumo/utils.py} signs as {@code andris9/node-fortumo}'s {@code lib/fortumo.js} does: sorted
 * {@code name=value} pairs without {@code sig}, the secret appended.
 */
class FortumoSignerTest {
    /** {@code FORTUMO_SECRET} of django-fortumo's test settings. */
    private static final FortumoSigner DJANGO_FORTUMO = new FortumoSigner("bad54c617b3a51230ac7cc3da398855e");

    /** django-fortumo's {@code SignatureTestCase}. */
    private static Map<String, String> credits() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("credit_name", "gold");
        data.put("tc_amount", "3333");
        data.put("tc_id", "291");
        data.put("test", "ok");
        data.put("sig", "047f555536f8826825c9079265ad36de");
        return data;
    }

    /** The message of django-fortumo's {@code test_generate_uniqie_pin}, in the order Fortumo does not promise. */
    private static Map<String, String> message() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("test", "false");
        data.put("message", "123");
        data.put("sender", "358401234567");
        data.put("country", "SE");
        data.put("price", "0.32");
        data.put("price_wo_vat", "0.27");
        data.put("currency", "SEK");
        data.put("service_id", "f7fa12b381d290e268f99e382578d64a");
        data.put("message_id", "123456");
        data.put("keyword", "KEY");
        data.put("shortcode", "1311");
        data.put("operator", "Vodafone");
        data.put("billing_type", "MO");
        data.put("status", "ok");
        data.put("sig", "8d5714783f9cb60aa5798f892bbf3baf");
        return data;
    }

    @Test
    void theReferenceVectorsVerify() {
        assertThat(DJANGO_FORTUMO.sign(credits())).isEqualTo("047f555536f8826825c9079265ad36de");
        assertThat(DJANGO_FORTUMO.verify(credits())).isTrue();
        assertThat(DJANGO_FORTUMO.sign(message())).isEqualTo("8d5714783f9cb60aa5798f892bbf3baf");
        assertThat(DJANGO_FORTUMO.verify(message())).isTrue();
    }

    @Test
    void anUpperCaseSignatureVerifiesToo() {
        Map<String, String> data = credits();
        data.put("sig", data.get("sig").toUpperCase(java.util.Locale.ROOT));

        assertThat(DJANGO_FORTUMO.verify(data)).isTrue();
    }

    @Test
    void anyChangedValueAnotherSecretOrNoSigFails() {
        Map<String, String> changed = credits();
        changed.put("credit_name", "silver");
        Map<String, String> unsigned = credits();
        unsigned.remove("sig");

        assertThat(DJANGO_FORTUMO.verify(changed)).as("django-fortumo's test_invalid_signature_is_invalid").isFalse();
        assertThat(new FortumoSigner("another-secret").verify(credits())).isFalse();
        assertThat(DJANGO_FORTUMO.verify(unsigned)).isFalse();
    }

    @Test
    void emptyValuesAndUnknownParametersAreSigned() {
        Map<String, String> withEmpty = message();
        withEmpty.put("revenue", "");
        Map<String, String> withUnknown = message();
        withUnknown.put("revenue", "0.20");

        // an added parameter, even an empty one, changes what was signed: "revenue=" sorts among the others
        assertThat(DJANGO_FORTUMO.verify(withEmpty)).isFalse();
        assertThat(DJANGO_FORTUMO.verify(withUnknown)).isFalse();
        withEmpty.put("sig", DJANGO_FORTUMO.sign(withEmpty));
        assertThat(DJANGO_FORTUMO.verify(withEmpty)).isTrue();
        assertThat(withEmpty.get("sig")).isEqualTo(java.util.HexFormat.of().formatHex(
                md5("billing_type=MOcountry=SEcurrency=SEKkeyword=KEYmessage=123message_id=123456operator=Vodafone"
                        + "price=0.32price_wo_vat=0.27revenue=sender=358401234567"
                        + "service_id=f7fa12b381d290e268f99e382578d64ashortcode=1311status=oktest=false"
                        + "bad54c617b3a51230ac7cc3da398855e")));
    }

    @Test
    void utf8TextIsSignedAsUtf8() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("message", "ačiū спасибо");
        data.put("sender", "37060000001");

        assertThat(new FortumoSigner("s3cr3t").sign(data)).isEqualTo(java.util.HexFormat.of().formatHex(
                md5("message=ačiū спасибоsender=37060000001s3cr3t")));
    }

    @Test
    void theSecretIsRequiredAndNeverShown() {
        assertThatThrownBy(() -> new FortumoSigner("")).hasMessage("the Fortumo secret is required");
        assertThat(new FortumoSigner("s3cr3t-value")).hasToString("FortumoSigner[secret=(hidden)]");
    }

    /** MD5 of the UTF-8 bytes, by the JDK directly: an oracle independent of the signer's own helper. */
    private static byte[] md5(String text) {
        try {
            return java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
