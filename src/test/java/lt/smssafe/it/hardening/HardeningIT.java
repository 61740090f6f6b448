package lt.smssafe.it.hardening;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.TestWar;
import lt.smssafe.it.TomcatLog;
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
 * docs/protocol.md §6's hardening in a real Tomcat on MariaDB, behind Tomcat's {@code RemoteIpValve} as
 * docs/deploy-tomcat.md configures it: the {@code /check} throttle per caller address (an IPv6 caller by its /64),
 * the security headers on every kind of answer, no HTTP session or cookie from a public page, the admin cookie's
 * flags (Secure when the request is HTTPS), and a buyer's CR/LF in the default payment action's log line.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HardeningIT {
    private static final long SAFE = 4545;
    private static final String PASSKEY = "hardening-passkey-4545";
    private static final TestData DATA = TestData.seededFor(HardeningIT.class);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // no action key: the logging payment action; one message closes a session
        return TestWar.named("hardening-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("messages", "1")
                .withMariaDb("hardening_it")
                .behindProxy()
                .build();
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** A closed session's code, paid now with this content. */
    private String paidCode(String content) {
        return code(new FakeSmsSafeGateway(uri("result"), SignatureScheme.HMAC_SHA256, PASSKEY)
                .deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), DATA.phone(), content)));
    }

    /** A GET as a browser (or script) at {@code caller} sends it through the proxy. */
    private HttpResponse<String> from(String caller, String pathAndQuery, String accept) {
        return AdminHttp.send(AdminHttp.request(uri(pathAndQuery), null).header("X-Forwarded-For", caller)
                .header("Accept", accept).GET());
    }

    @Test
    void elevenUnknownCodesInAMinuteRefuseEveryLookupOfThatSlash64EvenOfARealCode() {
        String code = paidCode("throttle");
        String network = "2001:db8:" + Integer.toHexString((int) (System.nanoTime() & 0xffff)) + ":7::";
        assertThat(from(network + "1", "check?session=" + code + "&format=json", "*/*").statusCode()).isEqualTo(200);

        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> unknown = from(network + Integer.toHexString(i), "check?session=ZZZZZZZ" + (i % 8 + 2)
                    + "&format=json", "*/*");
            assertThat(unknown.statusCode()).as("unknown code %d, from another address of the /64", i).isEqualTo(404);
        }
        HttpResponse<String> eleventh = from(network + "b", "check?session=ZZZZZZZZ&format=json", "*/*");
        HttpResponse<String> realCode = from(network + "c", "check?session=" + code + "&format=json", "*/*");
        HttpResponse<String> realCodePage = from(network + "d", "check?session=" + code, "text/html");
        HttpResponse<String> lithuanian = from(network + "e", "check?session=" + code + "&lang=lt", "text/html");
        HttpResponse<String> anotherNetwork = from("2001:db8:ffff:8::1", "check?session=" + code + "&format=json",
                "*/*");

        assertThat(eleventh.statusCode() + " " + eleventh.body()).isEqualTo("429 {\"error\":\"too many requests\"}");
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(realCode.statusCode() + " " + realCode.body()).as("a real code tells nothing either")
                .isEqualTo("429 {\"error\":\"too many requests\"}");
        assertThat(realCode.headers().firstValue("Retry-After")).isPresent();
        assertThat(realCodePage.statusCode()).isEqualTo(429);
        assertThat(realCodePage.body()).contains("Too many unknown codes were looked up from your address. Try again"
                + " in ").doesNotContain("Paid");
        assertThat(lithuanian.statusCode()).isEqualTo(429);
        assertThat(lithuanian.body()).contains("Iš jūsų adreso ieškota per daug nežinomų kodų.");
        assertThat(anotherNetwork.statusCode()).as("another /64 is served").isEqualTo(200);
    }

    /** One of each kind of answer: public pages, JSON, gateway endpoints, errors, an admin page. */
    private Map<String, HttpResponse<String>> answers(String code) {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        String caller = "198.51.100." + (System.nanoTime() % 200 + 1);
        answers.put("primer", from(caller, "check", "text/html"));
        answers.put("status page", from(caller, "check?session=" + code, "text/html"));
        answers.put("status JSON", from(caller, "check?session=" + code + "&format=json", "*/*"));
        answers.put("unknown code", from(caller, "check?session=ZZZZZZZZ", "text/html"));
        answers.put("index", from(caller, "", "text/html"));
        answers.put("health", from(caller, "health", "*/*"));
        answers.put("/result paid", new FakeSmsSafeGateway(uri("result"), SignatureScheme.HMAC_SHA256, PASSKEY)
                .deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), "37065111111", "headers")));
        answers.put("/result 400", from(caller, "result?safe=x", "*/*"));
        answers.put("/fortumo off", from(caller, "fortumo", "*/*"));
        answers.put("unreadable 400", AdminHttp.send(AdminHttp.request(uri("check"), null)
                .header("X-Forwarded-For", caller).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=%ZZ"))));
        answers.put("no such page", from(caller, "no-such-page", "text/html"));
        return answers;
    }

    @Test
    void everyAnswerForbidsSniffingAndFramingAndTheStatusPageSendsNoReferrer() {
        String code = paidCode("headers");
        Map<String, HttpResponse<String>> answers = answers(code);
        answers.put("admin page", AdminHttp.get(uri("select"), AdminHttp.ADMIN));

        assertThat(answers.get("/result 400").statusCode()).isEqualTo(400);
        assertThat(answers.get("unreadable 400").statusCode()).isEqualTo(400);
        assertThat(answers.get("no such page").statusCode()).isEqualTo(404);
        answers.forEach((name, answer) -> {
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(name).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(name)
                    .hasValue("frame-ancestors 'none'");
        });
        for (String statusPage : List.of("status page", "status JSON", "unknown code")) {
            assertThat(answers.get(statusPage).headers().firstValue("Referrer-Policy")).as(statusPage)
                    .hasValue("no-referrer");
        }
        assertThat(answers.get("admin page").headers().firstValue("Referrer-Policy"))
                .as("an admin form's POST must keep its Origin").isEmpty();
    }

    @Test
    void noPublicAnswerMakesASessionOrSetsACookie() {
        Map<String, HttpResponse<String>> answers = answers(paidCode("cookies"));

        answers.forEach((name, answer) -> assertThat(answer.headers().allValues("Set-Cookie")).as(name).isEmpty());
    }

    @Test
    void theAdminCookieIsHttpOnlyAndSameSiteAndSecureWhenTheRequestIsHttps() {
        HttpResponse<String> plain = AdminHttp.get(uri("select"), AdminHttp.ADMIN);
        HttpResponse<String> https = AdminHttp.send(AdminHttp.request(uri("select"), AdminHttp.ADMIN)
                .header("X-Forwarded-Proto", "https").header("Accept", "text/html").GET());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("; HttpOnly", "; SameSite=Strict").doesNotContain("Secure"));
        assertThat(https.statusCode()).isEqualTo(200);
        assertThat(https.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("; Secure", "; HttpOnly", "; SameSite=Strict"));
    }

    @Test
    void aLineBreakInAPaidContentStaysOneEscapedLineInTheLog() throws InterruptedException {
        String marker = UUID.randomUUID().toString();
        String code = paidCode("order-" + marker + "\r\nFORGED " + marker + " INFO paid");

        List<String> entries = TomcatLog.awaitEntries("session " + code + " paid", 0);

        // an entry is its first line and whatever lines follow it that do not start a new entry
        assertThat(entries).singleElement().asString().as("one line, the text escaped").doesNotContain("\n")
                .endsWith("for 'order-" + marker + "\\r\\nFORGED " + marker + " INFO paid' (no action configured)");
    }
}
