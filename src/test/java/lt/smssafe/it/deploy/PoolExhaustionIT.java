package lt.smssafe.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.DatabaseRows;
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
 * Overload is not a defect: in a real Tomcat 11 whose {@code <Resource>} (Tomcat's DBCP, {@code maxTotal="2"
 * maxWaitMillis="500"}) has every connection held ({@link PoolHoldServlet}), as a burst or a stalled Galera node
 * leaves it, {@code /result} answers {@code 503 try again later} with {@code Retry-After}, logged as a warning and
 * counted as a 503, never {@code 500 internal error} logged as a defect; once the connections are back the same
 * message is stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PoolExhaustionIT {
    private static final long SAFE = 4243;
    private static final String PASSKEY = "it-passkey-4243";
    private static final String DATABASE = "pool_it";
    private static final TestData DATA = TestData.seededFor(PoolExhaustionIT.class);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("pool-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("messages", "3")
                .withClasses(PoolHoldServlet.class)
                .withMariaDb(DATABASE, 2, 500)
                .build();
    }

    @Test
    void aPoolWithEveryConnectionBusyGetsA503WithRetryAfterLoggedAsAnOutageNotADefect() throws Exception {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY);
        String phone = DATA.phone();
        String id = "pool-" + phone;
        int outagesBefore = TomcatLog.entriesContaining("/result answered 503").size();
        int defectsBefore = TomcatLog.entriesContaining("failed: a defect").size();

        HttpResponse<String> held = AdminHttp.get(URI.create(base + "it/pool?take"), null);
        HttpResponse<String> response;
        try {
            response = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, id, phone, "busy"));
        } finally {
            AdminHttp.get(URI.create(base + "it/pool?release"), null);
        }

        assertThat(held.body()).as("the pool's every connection").isEqualTo("holding 2");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(response.body()).isEqualTo("try again later");
        List<String> outages = TomcatLog.awaitEntries("/result answered 503", outagesBefore);
        assertThat(outages).as("one warning for the outage").hasSize(outagesBefore + 1);
        assertThat(outages.get(outages.size() - 1)).contains("WARNING")
                .contains("no database connection was free in time")
                .contains("Cannot get a connection, pool error Timeout waiting for idle object");
        assertThat(TomcatLog.entriesContaining("failed: a defect")).as("no defect logged").hasSize(defectsBefore);
        assertThat(DatabaseRows.query(DATABASE, "select count(*) from smssafe_message where msisdn = ?", phone))
                .as("nothing kept").containsExactly(List.of("0"));

        HttpResponse<String> again = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, id, phone, "busy"));
        assertThat(again.statusCode()).as("served once the connections are back").isEqualTo(200);
        assertThat(again.body()).endsWith(" started");
        HttpResponse<String> metrics = AdminHttp.get(URI.create(base + "metrics"), AdminHttp.ADMIN);
        assertThat(metrics.body()).as("counted as an outage")
                .containsPattern("smssafe_http_answers_total\\{endpoint=\"/result\",status=\"503\"\\} 1\\.0")
                .doesNotContain("status=\"500\"");
    }
}
