package lt.smssafe.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.TestWar;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.FakeSmsSafeGateway;
import lt.smssafe.testing.Folders;
import lt.smssafe.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Overload is not a defect in WildFly either: the WAR bound to a datasource of WildFly's own pool (IronJacamar, a
 * standard {@code <data-source>} of the deployment at {@code java:comp/env/jdbc/smssafe}, two connections, WildFly's
 * default blocking timeout of 30 s) with both connections held ({@link PoolHoldServlet}) answers {@code /result}
 * with {@code 503 try again later} and {@code Retry-After}, logged as a warning with IronJacamar's own words
 * (IJ000453 around IJ000655), never as a defect; and stores the message once the connections are back.
 */
@Tag("wildfly")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyPoolIT {
    private static final long SAFE = 3940;
    private static final String PASSKEY = "wildfly-passkey-3940";
    private static final TestData DATA = TestData.seededFor(WildFlyPoolIT.class);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // a file database (IronJacamar takes each ;KEY=value of the URL for a property of the DataSource class)
        Path database = TestWar.dataDir("wildfly-pool-it").resolve("pool-it");
        Folders.deleteTree(database.getParent());
        return TestWar.named("wildfly-pool-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("messages", "2")
                .withClasses(PoolHoldServlet.class)
                .buildWithEnvEntries("""
                          <data-source>
                            <name>java:comp/env/jdbc/smssafe</name>
                            <class-name>org.h2.jdbcx.JdbcDataSource</class-name>
                            <url>jdbc:h2:file:%s</url>
                            <transactional>false</transactional>
                            <max-pool-size>2</max-pool-size>
                          </data-source>
                        """.formatted(database));
    }

    @Test
    void wildFlysPoolWithEveryConnectionBusyGetsA503WithRetryAfterLoggedAsAnOutageNotADefect() throws Exception {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY);
        String phone = DATA.phone();
        String id = "wf-pool-" + phone;
        int outagesBefore = serverLogEntries("/result answered 503").size();
        int defectsBefore = serverLogEntries("failed: a defect").size();

        HttpResponse<String> held = AdminHttp.get(URI.create(base + "it/pool?take=2"), null);
        HttpResponse<String> response;
        try {
            response = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, id, phone, "busy", "ee", "elisa_ee"));
        } finally {
            AdminHttp.get(URI.create(base + "it/pool?release"), null);
        }

        assertThat(held.body()).as("the pool's every connection").isEqualTo("holding 2");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(response.body()).isEqualTo("try again later");
        List<String> outages = awaitServerLogEntries("/result answered 503", outagesBefore);
        assertThat(outages).as("one warning for the outage").hasSize(outagesBefore + 1);
        assertThat(outages.get(outages.size() - 1)).contains("WARN")
                .contains("no database connection was free in time")
                .contains("IJ000453: Unable to get managed connection for java:comp/env/jdbc/smssafe")
                .contains("IJ000655: No managed connections available within configured blocking timeout");
        assertThat(serverLogEntries("failed: a defect")).as("no defect logged").hasSize(defectsBefore);

        HttpResponse<String> again = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, id, phone, "busy", "ee", "elisa_ee"));
        assertThat(again.statusCode() + " " + again.body()).as("served once the connections are back")
                .startsWith("200 your message is received");
    }

    /** Those lines once there are more than {@code before}: the log may be written a moment after the answer. */
    private static List<String> awaitServerLogEntries(String text, int before) throws Exception {
        for (int i = 0; i < 100 && serverLogEntries(text).size() <= before; i++) {
            Thread.sleep(100);
        }
        return serverLogEntries(text);
    }

    /** The lines of WildFly's server.log that contain the text. */
    private static List<String> serverLogEntries(String text) throws IOException {
        Path log = Path.of(System.getProperty("wildfly.home"), "standalone", "log", "server.log");
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.contains(text)).toList();
    }
}
