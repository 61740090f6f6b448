package lt.smssafe.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.TestWar;
import lt.smssafe.it.TomcatLog;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.FakeSmsSafeGateway;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redeploying the WAR in a real Tomcat, as a site owner does with each upgrade: every part of it is used first
 * (payments, the pages, the rates fetched over HTTP, the payment-action runner), then the application is reloaded
 * three times. Tomcat names every thread the application left running, and its {@code findleaks} command (after a
 * full garbage collection) names every stopped application whose class loader is still reachable.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployIT {
    private static final String NAME = "redeploy-it";
    private static final long SAFE = 9191;
    private static final String PASSKEY = "redeploy-passkey-9191";
    private static final String MANAGER = "arquillian:arquillian";
    private static final AtomicInteger FEED_REQUESTS = new AtomicInteger();
    private static HttpServer feed;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named(NAME)
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("delay", "PT0S")
                .with("rates.url", feedUrl())
                .build();
    }

    /** The rates over real HTTP: the path that used to leave the JDK HTTP client's threads behind. */
    private static String feedUrl() {
        try {
            byte[] rates = Files.readAllBytes(Path.of("target", "test-classes", "it", "rates-9191.xml"));
            feed = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            feed.createContext("/", exchange -> {
                FEED_REQUESTS.incrementAndGet();
                try (exchange) {
                    exchange.sendResponseHeaders(200, rates.length);
                    exchange.getResponseBody().write(rates);
                }
            });
            feed.start();
            return "http://127.0.0.1:" + feed.getAddress().getPort() + "/rates/{safe}.xml";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopFeed() {
        if (feed != null) {
            feed.stop(0);
        }
    }

    @Test
    void reloadingLeavesNoThreadAndNoOldClassLoaderBehind() throws InterruptedException {
        String contextPath = URI.create(base.toString()).getPath().replaceAll("/$", "");
        String leftThread = "The web application [" + contextPath.substring(1) + "] appears to have started a thread";
        int threadWarningsBefore = TomcatLog.entriesContaining(leftThread).size();

        for (int generation = 0; generation < 4; generation++) {
            useEverything(generation);
            if (generation < 3) {
                assertThat(manager("reload?path=" + contextPath)).startsWith("OK");
            }
        }

        SoftAssertions both = new SoftAssertions();
        List<String> warnings = TomcatLog.entriesContaining(leftThread);
        both.assertThat(warnings.subList(threadWarningsBefore, warnings.size()).stream()
                // Tomcat's own background thread, caught while it ran the context's periodic work at the stop
                .filter(warning -> !warning.contains("named [Catalina-utility-")))
                .as("threads left running by a stopped generation").isEmpty();
        // findleaks runs a full GC first and lists every stopped application whose class loader is still reachable:
        // this one's generations, and the test deployments undeployed before it (a JVM-wide cache holds the first
        // application that compiled a JSP, whichever that was)
        String leaks = manager("findleaks?statusLine=true");
        both.assertThat(leaks.strip()).as("old class loaders still reachable after a full GC").isEqualTo(
                "OK - No memory leaks found");
        both.assertAll();
    }

    /** Takes a whole session's payment and opens the pages, so that every part of the WAR has started. */
    private void useEverything(int generation) throws InterruptedException {
        awaitRatesFetched(generation);
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY);
        String phone = "3706" + (1000000 + generation);
        HttpResponse<String> reply = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, "redeploy-" + generation + "-1",
                phone, "order-" + generation, "lt", "tele2_lt"));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        for (String page : new String[] {"check", "dashboard", "payments", "select", "cron", "health", "metrics"}) {
            HttpResponse<String> answer = AdminHttp.send(AdminHttp.request(URI.create(base + page), AdminHttp.ADMIN));
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
        }
    }

    /** Each generation fetches the rates once at start, in the background. */
    private static void awaitRatesFetched(int generation) throws InterruptedException {
        for (int i = 0; i < 100 && FEED_REQUESTS.get() <= generation; i++) {
            Thread.sleep(100);
        }
        assertThat(FEED_REQUESTS.get()).as("rates fetched by generation " + generation).isGreaterThan(generation);
    }

    private String manager(String command) {
        URI uri = URI.create("http://localhost:" + base.getPort() + "/manager/text/" + command);
        HttpResponse<String> answer = AdminHttp.send(AdminHttp.request(uri, MANAGER));
        assertThat(answer.statusCode()).as(command).isEqualTo(200);
        return answer.body();
    }
}
