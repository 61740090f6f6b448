package lt.smssafe.it.api;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import lt.smssafe.it.DatabaseRows;
import lt.smssafe.it.TestWar;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.FakeSmsSafeGateway;
import lt.smssafe.testing.Receivers.Language;
import lt.smssafe.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code POST /redeem} clients a shop copies (src/test/resources/webhooks/redeem.php, .js, .py; docs/protocol.md
 * §9), run as real processes against a real Tomcat on MariaDB: each spends a paid code, gets the same answer for its
 * retry, and reads {@code already redeemed}, {@code not paid yet}, {@code unknown session} and {@code unauthorized}
 * from the JSON of the answers that are not 200; the reference arrives as it was sent, form-encoded characters and
 * all. {@code RedeemIT} pins the endpoint itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeemClientsIT {
    private static final TestData DATA = TestData.seededFor(RedeemClientsIT.class);
    private static final long SAFE = 5252;
    private static final String PASSKEY = "redeem-clients-it-passkey-5252";
    private static final String API_KEY = "redeem-clients-it-api-key-of-32-characters-at-least";
    private static final String DATABASE = "redeem_clients_it";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("redeem-clients-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("messages", "2")
                .with("delay", "0")
                .with("api.key", API_KEY)
                .withMariaDb(DATABASE)
                .build();
    }

    private FakeSmsSafeGateway gateway() {
        return new FakeSmsSafeGateway(URI.create(base + "result"), SignatureScheme.HMAC_SHA256, PASSKEY);
    }

    private String paid(String content) {
        String phone = DATA.phone();
        gateway().deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, content));
        HttpResponse<String> last = gateway().deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, content));
        assertThat(last.body()).endsWith(" closed");
        return code(last);
    }

    private String open() {
        return code(gateway().deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), DATA.phone(), "open")));
    }

    private static List<List<String>> redemptions(String code) {
        return DatabaseRows.query(DATABASE, "select r.reference from smssafe_redemption r join smssafe_session s"
                + " on s.id = r.session_id where s.safe_id = ? and s.code = ?", SAFE, code);
    }

    /** Every answer a shop's code meets, through this language's client; the base URL as a shop writes it. */
    private void redeemsThroughTheClient(Language language) {
        String code = paid("order-" + language);
        String open = open();
        String url = base.toString().replaceAll("/$", "");   // https://shop.example/smssafe: no slash at the end
        String reference = "order #17 & x=2+2 %41 " + language;

        assertThat(language.redeem(url, API_KEY, code, reference)).isEqualTo("200 redeemed");
        assertThat(language.redeem(url + "/", API_KEY, code, reference)).as("a retry, the same reference")
                .isEqualTo("200 redeemed");
        assertThat(language.redeem(url, API_KEY, code, "another account")).isEqualTo("409 already redeemed");
        assertThat(language.redeem(url, API_KEY, open, reference)).isEqualTo("409 not paid yet");
        assertThat(language.redeem(url, API_KEY, "ZZZZZZZZ", reference)).isEqualTo("404 unknown session");
        assertThat(language.redeem(url, "not-the-api-key", paid("order-thief"), "thief"))
                .isEqualTo("401 unauthorized");

        assertThat(redemptions(code)).as("the reference as sent").containsExactly(List.of(reference));
        assertThat(redemptions(open)).isEmpty();
    }

    @Test
    void thePhpClientRedeemsAPaidCodeOnceAndReadsEveryRefusal() {
        redeemsThroughTheClient(Language.PHP);
    }

    @Test
    void theNodeClientRedeemsAPaidCodeOnceAndReadsEveryRefusal() {
        redeemsThroughTheClient(Language.NODE);
    }

    @Test
    void thePythonClientRedeemsAPaidCodeOnceAndReadsEveryRefusal() {
        redeemsThroughTheClient(Language.PYTHON);
    }
}
