package lt.smssafe.it.api;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.DatabaseRows;
import lt.smssafe.it.PaymentsApiServlet;
import lt.smssafe.it.TestWar;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.FakeSmsSafeGateway;
import lt.smssafe.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code SmsSafePayments}, the public entry for the site owner's code, called where a site owner calls it: inside
 * the deployed web application ({@link PaymentsApiServlet}), on a real MariaDB, in a deployment without the
 * {@code mbs.*} keys. Sessions are paid over {@code /result} and their status is compared with the database; the
 * configured MBS client is checked in {@link lt.smssafe.it.gateways.MbsReportIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SmsSafePaymentsIT {
    private static final long SAFE = 4343;
    private static final String PASSKEY = "api-it-passkey-4343";
    private static final String DATABASE = "payments_api_it";
    private static final TestData DATA = TestData.seededFor(SmsSafePaymentsIT.class);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("payments-api-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("messages", "2")
                .with("delay", "PT0S")
                .withClasses(PaymentsApiServlet.class)
                .withMariaDb(DATABASE)
                .build();
    }

    @Test
    void aClosedSessionIsFoundWithItsContentTotalAndCurrencyAnOpenOneIsNotClosedAndAnUnknownCodeIsEmpty() {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY);
        String phone = DATA.phone();
        String closed = code(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "order-api-7")));
        HttpResponse<String> last = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "order-api-7"));
        String open = code(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), DATA.phone(), "order-api-8")));

        assertThat(last.body()).isEqualTo("your message is received, session " + closed + " closed");
        List<String> row = DatabaseRows.query(DATABASE, "select content, total, currency from smssafe_session"
                + " where safe_id = ? and code = ?", SAFE, closed).get(0);
        assertThat(row).containsExactly("order-api-7", "2.90", "EUR");
        // as a user types it: the code in lower case, with blanks around it
        assertThat(session(" " + closed.toLowerCase(Locale.ROOT) + " ")).isEqualTo("200 closed closed=true "
                + String.join(" ", row));
        assertThat(session(open)).isEqualTo("200 open closed=false order-api-8 1.45 EUR");
        assertThat(session("ZZZZZZZZ")).as("a well-formed code no session has").isEqualTo("200 empty");
        assertThat(session("not a code")).isEqualTo("200 empty");
    }

    /**
     * docs/protocol.md §9 in Java, where a site owner calls it: a paid code is spent once for its reference (a retry with
     * it gets the first answer), refused for another, and an open or unknown code says why. This deployment has no
     * {@code api.key}: Java needs none, and {@code /redeem} over HTTP is 404.
     */
    @Test
    void redeemSpendsAPaidCodeOnceInJavaAndWithoutApiKeyTheHttpEndpointIs404() {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY);
        String phone = DATA.phone();
        gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "order-api-9"));
        String closed = code(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "order-api-9")));
        String open = code(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), DATA.phone(), "order-api-10")));

        String first = redeem(closed, "account-9");
        String retry = redeem(closed.toLowerCase(Locale.ROOT), "account-9");
        List<String> row = DatabaseRows.query(DATABASE, "select r.reference, r.redeemed_at from smssafe_redemption r"
                + " join smssafe_session s on s.id = r.session_id where s.code = ?", closed).get(0);

        assertThat(first).isEqualTo("200 redeemed account-9 " + java.time.Instant.ofEpochMilli(Long.parseLong(
                row.get(1))) + " redeemed=true for=account-9");
        assertThat(row.get(0)).isEqualTo("account-9");
        assertThat(retry).isEqualTo(first);
        assertThat(redeem(closed, "account-10")).isEqualTo("200 already redeemed");
        assertThat(redeem(open, "account-9")).isEqualTo("200 not paid yet");
        assertThat(redeem("ZZZZZZZZ", "account-9")).isEqualTo("200 unknown session");
        for (String notAReference : List.of("", "two\nlines")) {
            assertThat(redeem(closed, notAReference)).isEqualTo("200 java.lang.IllegalArgumentException: a"
                    + " redemption reference is 1 to 128 printable characters");
        }

        java.net.http.HttpResponse<String> http = AdminHttp.send(AdminHttp.request(URI.create(base + "redeem"), null)
                .header("Authorization", "Bearer an-api-key-nobody-configured-here-0123456789")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(AdminHttp.form("code=" + closed + "&reference=account-9")));
        assertThat(http.statusCode() + " " + http.body()).isEqualTo("404 {\"result\":\"redeem is not configured\"}");
        assertThat(AdminHttp.get(URI.create(base + "integration"), AdminHttp.ADMIN).body())
                .as("the admin is told how to switch it on").contains("<span class=\"muted\" id=\"redeem-off\">"
                        + " — off: set api.key (at least 32 characters) to switch on <code>/redeem</code></span>");
    }

    private String redeem(String code, String reference) {
        HttpResponse<String> response = AdminHttp.get(URI.create(base + "it/payments-api?redeem="
                + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&reference="
                + URLEncoder.encode(reference, StandardCharsets.UTF_8)), null);
        return response.statusCode() + " " + response.body();
    }

    @Test
    void mbsFailsWithAClearExceptionWhenTheMbsKeysAreNotSet() {
        HttpResponse<String> response = AdminHttp.get(URI.create(base + "it/payments-api?mbs=2456"), null);

        assertThat(response.statusCode() + " " + response.body()).isEqualTo("200 configured=false"
                + " java.lang.IllegalStateException: MBS billing is not configured: set mbs.url, mbs.service and"
                + " mbs.secret");
    }

    private String session(String code) {
        HttpResponse<String> response = AdminHttp.get(URI.create(base + "it/payments-api?session="
                + URLEncoder.encode(code, StandardCharsets.UTF_8)), null);
        return response.statusCode() + " " + response.body();
    }
}
