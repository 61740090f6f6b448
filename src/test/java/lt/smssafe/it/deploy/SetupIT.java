package lt.smssafe.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.smssafe.it.AdminHttp;
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
 * The WAR as a newcomer deploys it, with no DataSource bound, on the embedded H2 database in {@code data.dir}, and
 * with legacy MD5 signatures: {@code /setup}'s security, schema state and CSRF protection, and a whole session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SetupIT {
    private static final long SAFE = 5151;
    private static final String PASSKEY = "md5-passkey-5151";
    private static final TestData DATA = TestData.seededFor(SetupIT.class);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("setup-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("signature", "md5")
                .with("messages", "2")
                .with("delay", "0")
                .build();
    }

    private URI setup() {
        return URI.create(base + "setup");
    }

    @Test
    void withoutCredentialsTheAdminPageAsksForThem() {
        HttpResponse<String> response = AdminHttp.get(setup(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic realm=\"sms:safe admin\""));
    }

    @Test
    void aUserWithoutTheAdminRoleIsForbidden() {
        assertThat(AdminHttp.get(setup(), AdminHttp.VISITOR).statusCode()).isEqualTo(403);
        assertThat(AdminHttp.send(AdminHttp.request(setup(), AdminHttp.VISITOR)
                .POST(AdminHttp.form(""))).statusCode()).isEqualTo(403);
    }

    @Test
    void theAdminSeesTheSchemaUpToDateAndThatTheEmbeddedDatabaseIsInUse() {
        HttpResponse<String> response = AdminHttp.get(setup(), AdminHttp.ADMIN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("The schema is up to date.").contains("payment sessions")
                .contains("Success");
        assertThat(response.body()).as("the database in use, as the dashboard words it").contains(
                "<span id=\"database-in-use\">embedded H2 database in " + TestWar.dataDir("setup-it")
                        + " (nothing is bound at java:comp/env/jdbc/smssafe)</span>");
        assertThat(TestWar.dataDir("setup-it").resolve("smssafe.mv.db")).exists();
        assertThat(response.body()).as("when each migration was applied, as people read times")
                .containsPattern("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT[^\"]+\">[A-Z][a-z]{2} \\d{1,2}, \\d{4}, ")
                .doesNotContainPattern(">\\d{4}-\\d\\d-\\d\\dT");
    }

    @Test
    void healthSaysUpForTheLoadBalancerAndShowsNoSecret() {
        HttpResponse<String> health = AdminHttp.get(URI.create(base + "health"), null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(health.body()).isEqualTo("{\"status\":\"up\",\"database\":\"up\",\"schema\":\"current\"}");
    }

    @Test
    void metricsAreForTheAdminInPrometheusTextFormat() {
        AdminHttp.get(URI.create(base + "health"), null);
        String phone = DATA.phone();
        new FakeSmsSafeGateway(URI.create(base + "result"), SignatureScheme.MD5, PASSKEY)
                .deliver(FakeSmsSafeGateway.sms(SAFE, "metrics-" + phone, phone, "counted"));
        HttpResponse<String> anonymous = AdminHttp.get(URI.create(base + "metrics"), null);
        HttpResponse<String> metrics = AdminHttp.get(URI.create(base + "metrics"), AdminHttp.ADMIN);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain;version=0.0.4"));
        assertThat(metrics.body())
                .contains("# TYPE smssafe_http_answers_total counter")
                .containsPattern("smssafe_http_answers_total\\{endpoint=\"/health\",status=\"200\"\\} [1-9]")
                .contains("smssafe_sessions_opened_total{dialect=\"fortumo\"} 0.0")
                .containsPattern("smssafe_sessions_opened_total\\{dialect=\"smssafe\"\\} [1-9]")
                .containsPattern("smssafe_http_answers_total\\{endpoint=\"/result\",status=\"200\"\\} [1-9]")
                .contains("smssafe_sessions_closed_total{dialect=\"smssafe\"}")
                .contains("smssafe_actions_attempts_total{outcome=\"failed\"}")
                .containsPattern("smssafe_actions_owed [0-9]")
                .contains("smssafe_rates_age_seconds")
                .contains("hikaricp_connections_max");
    }

    @Test
    void aScriptPostAppliesNothingTwice() {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = AdminHttp.send(AdminHttp.request(setup(), AdminHttp.ADMIN)
                    .POST(AdminHttp.form("")));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Nothing to apply: the schema is up to date.\n");
        }
    }

    @Test
    void aBrowserPostFromAnotherSiteOrWithoutTheFormTokenIsRefused() {
        HttpResponse<String> crossSite = AdminHttp.send(AdminHttp.request(setup(), AdminHttp.ADMIN)
                .header("Origin", "https://evil.example").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(AdminHttp.form("")));
        HttpResponse<String> page = AdminHttp.get(setup(), AdminHttp.ADMIN);
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> noToken = AdminHttp.send(AdminHttp.request(setup(), AdminHttp.ADMIN)
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(AdminHttp.form("csrf=wrong")));

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).startsWith("cross-site request refused");
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    @Test
    void theAdminsOwnFormWithItsTokenIsAccepted() {
        HttpResponse<String> page = AdminHttp.get(setup(), AdminHttp.ADMIN);
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"").matcher(page.body());
        assertThat(token.find()).as("the form carries a token").isTrue();
        String origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();

        HttpResponse<String> submitted = AdminHttp.send(AdminHttp.request(setup(), AdminHttp.ADMIN)
                .header("Cookie", cookie).header("Origin", origin).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(AdminHttp.form("csrf=" + token.group(1))));

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).contains("Nothing to apply: the schema is up to date.");
    }

    @Test
    void aSessionOnTheEmbeddedDatabaseWithMd5SignaturesCloses() {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"), SignatureScheme.MD5, PASSKEY);
        String phone = DATA.phone();

        HttpResponse<String> first = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, "md5-1-" + phone, phone, "order-9"));
        HttpResponse<String> second = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, "md5-2-" + phone, phone, "order-9"));
        HttpResponse<String> hmacSigned = new FakeSmsSafeGateway(URI.create(base + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY)
                .deliver(FakeSmsSafeGateway.sms(SAFE, "md5-3-" + phone, phone, "order-9"));

        assertThat(first.body()).matches("your message is received, session " + TestData.CODE + " started");
        assertThat(second.body()).isEqualTo(first.body().replace(" started", " closed"));
        assertThat(hmacSigned.statusCode() + " " + hmacSigned.body()).isEqualTo("403 checksum failed");
    }
}
