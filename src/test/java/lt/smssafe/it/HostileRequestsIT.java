package lt.smssafe.it;

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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests whose parameters cannot be read, sent to every endpoint: a 400 (or a 413 for a body too large), never a
 * 500 that a gateway would retry forever, and never a stack trace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileRequestsIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> ENDPOINTS = List.of("result", "fortumo", "paysera", "mbs/report", "check",
            "select", "payments", "dashboard");
    private static final List<String> UNREADABLE = List.of("content=%ZZ", "safe=%ED%A0%BD", "&=x", "state=%FF");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("hostile-it").with("safe", "5353").with("passkey", "hostile-passkey")
                .with("fortumo.secret", "hostile-fortumo").build();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
    void anUnreadableFormBodyIsA400AndAnOversizedOneA413() throws Exception {
        HttpResponse<String> unreadable = send(HttpRequest.newBuilder(URI.create(base + "result"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("safe=%ZZ")));
        HttpResponse<String> oversized = send(HttpRequest.newBuilder(URI.create(base + "result"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("content=" + "x".repeat(3 * 1024 * 1024))));

        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.body()).isEqualTo("request too large");
    }
}
