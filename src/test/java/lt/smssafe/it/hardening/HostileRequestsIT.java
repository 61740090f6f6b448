package lt.smssafe.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.RawHttp;
import lt.smssafe.it.TestWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests whose parameters cannot be read, sent to every endpoint in the query and in a form body: a 400 (or a 413
 * for a body too large), never a 500 that a gateway would retry forever, and never a stack trace. The POSTs come as
 * a browser's, with a cookie, so that they also reach the admin forms' CSRF check, which reads the form's token.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileRequestsIT {
    /** Every servlet mapping of the WAR (lt.smssafe.web). */
    private static final List<String> ENDPOINTS = List.of("result", "fortumo", "paysera", "mbs/report", "check",
            "select", "setup", "cron", "integration", "payment", "payments", "dashboard", "health", "metrics");
    private static final String OVERSIZED = "content=" + "x".repeat(3 * 1024 * 1024);
    private static final List<String> UNREADABLE = List.of("content=%ZZ", "safe=%ED%A0%BD", "&=x", "state=%FF");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("hostile-it").with("safe", "5353").with("passkey", "hostile-passkey")
                .with("fortumo.secret", "hostile-fortumo-secret").build();
    }

    @Test
    void unreadableParametersAreA400OnEveryEndpoint() throws Exception {
        for (String endpoint : ENDPOINTS) {
            for (String query : UNREADABLE) {
                String answer = rawGet(base.getPath() + endpoint + "?" + query);
                assertThat(answer).as("%s?%s", endpoint, query).startsWith("HTTP/1.1 400 ").endsWith("\r\n\r\nbad request");
            }
        }
    }

    private String rawGet(String pathAndQuery) throws IOException {
        return RawHttp.get(URI.create(base.toString()), pathAndQuery, AdminHttp.ADMIN);
    }

    @Test
    void anUnreadableFormBodyIsA400AndAnOversizedOneA413OnEveryEndpoint() throws Exception {
        for (String endpoint : ENDPOINTS) {
            for (String body : UNREADABLE) {
                HttpResponse<String> unreadable = browserPost(endpoint, body);
                assertThat(unreadable.statusCode()).as("POST %s %s", endpoint, body).isEqualTo(400);
                assertThat(unreadable.body()).as("POST %s %s", endpoint, body).isEqualTo("bad request");
            }
            HttpResponse<String> oversized = browserPost(endpoint, OVERSIZED);
            assertThat(oversized.statusCode()).as("POST %s, 3 MB", endpoint).isEqualTo(413);
            assertThat(oversized.body()).as("POST %s, 3 MB", endpoint).isEqualTo("request too large");
        }
    }

    /** The CSRF check reads the token of a POST with a cookie: it must not be the first to read an unreadable body. */
    @Test
    void anAdminFormWithAnUnreadableTokenIsA400NotA500() throws Exception {
        HttpResponse<String> answer = browserPost("setup", "csrf=%ZZ");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("bad request");
    }

    /**
     * A form POST as the site owner's browser sends it: BASIC credentials and a session cookie. Each on a connection
     * of its own: Tomcat closes a connection after refusing a body it did not read (the 413), and a client that
     * reused it for the next request got no answer at all (CI: "header parser received no bytes").
     */
    private HttpResponse<String> browserPost(String endpoint, String body) throws IOException, InterruptedException {
        HttpRequest request = AdminHttp.request(URI.create(base + endpoint), AdminHttp.ADMIN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build();
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
