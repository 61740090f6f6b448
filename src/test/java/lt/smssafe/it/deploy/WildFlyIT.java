package lt.smssafe.it.deploy;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import lt.smssafe.it.ActionLog;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.RecordingAction;
import lt.smssafe.it.TestWar;
import lt.smssafe.mbs.AccountType;
import lt.smssafe.mbs.BillRequest;
import lt.smssafe.mbs.MbsConfig;
import lt.smssafe.mbs.MbsDirect;
import lt.smssafe.mbs.Transaction;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.FakeSmsSafeGateway;
import lt.smssafe.testing.Folders;
import lt.smssafe.testing.TestData;
import lt.smssafe.testing.mbs.SandboxMbs;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same production WAR in a real WildFly (the pom's second failsafe run): it deploys beside WildFly's own
 * Persistence and JAX-WS, is configured by {@code <env-entry>}s, keeps its embedded database in the default
 * {@code ${jboss.server.data.dir}/smssafe}, fetches its rates, takes a whole session, renders its JSP pages, guards
 * its admin pages with WildFly's own users, and loads a billing report's transaction with its Metro SOAP client.
 */
@Tag("wildfly")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyIT {
    private static final long SAFE = 3939;
    private static final String PASSKEY = "wildfly-passkey-3939";
    private static final long SERVICE = 39;
    private static final String SECRET = "mbs-secret-39";
    private static final TestData DATA = TestData.seededFor(WildFlyIT.class);
    /** Started before the deployment is built, because the deployment's configuration names its address. */
    private static final SandboxMbs SANDBOX = new SandboxMbs().addService(SERVICE, SECRET)
            .addOperator("bite_lt", "Bitė", true)
            .addAccount("acc-wf", "37060000039", "bite_lt", AccountType.PREPAID, 100_000)
            .start();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // a run starts with an empty embedded database, whatever an earlier run left in the unpacked WildFly
        Folders.deleteTree(wildFlyData());
        return TestWar.named("wildfly-it")
                .withDefaultDataDir()
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("messages", "2")
                .with("delay", "PT2S")
                .with("rates.url", Path.of("target", "test-classes", "it").toAbsolutePath().toUri()
                        + "rates-{safe}.xml")
                .with("mbs.url", SANDBOX.url().toString())
                .with("mbs.service", String.valueOf(SERVICE))
                .with("mbs.secret", SECRET)
                .with("action", RecordingAction.class.getName())
                .withClasses(RecordingAction.class)
                .buildWithEnvEntries();
    }

    private static Path wildFlyData() {
        return Path.of(System.getProperty("wildfly.home"), "standalone", "data", "smssafe");
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @Test
    void aWholeSessionIsPaidItsStatusShownAndTheActionRunsOnce() throws Exception {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY);
        String phone = DATA.phone();
        String first = gateway.deliver(sms("wf-1-", phone)).body();
        String code = code(first);
        HttpResponse<String> early = gateway.deliver(sms("wf-2-", phone));
        Thread.sleep(2_100);
        HttpResponse<String> last = gateway.deliver(sms("wf-3-", phone));

        assertThat(first).isEqualTo("your message is received for session " + code
                + ", DO NOT send the last message (0 hours 1 minute left)");
        assertThat(early.statusCode() + " " + early.body())
                .isEqualTo("200 error. your message cannot be processed (0 hours 1 minute left)");
        assertThat(last.statusCode() + " " + last.body())
                .isEqualTo("200 your message is received, session " + code + " closed");
        assertThat(ActionLog.await((code + " order-39 2 2.90 EUR OK")::equals, 1)).hasSize(1);

        HttpResponse<String> json = AdminHttp.get(URI.create(base + "check?session=" + code + "&format=json"), null);
        HttpResponse<String> page = AdminHttp.get(URI.create(base + "check?session=" + code), null);
        assertThat(json.body()).startsWith("{\"session\":\"" + code + "\",\"state\":\"closed\",\"received\":2");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-state=\"closed\"").doesNotContain(phone);
    }

    /** A paid SMS from an operator the rates do not list, so that the {@code messages} key (2) applies. */
    private static Map<String, String> sms(String idPrefix, String phone) {
        return FakeSmsSafeGateway.sms(SAFE, idPrefix + phone, phone, "order-39", "ee", "elisa_ee");
    }

    @Test
    void theRatesFeedIsFetchedAndThePrimerAndAdminPagesRender() {
        HttpResponse<String> refreshed = AdminHttp.send(AdminHttp.request(URI.create(base + "cron"), AdminHttp.ADMIN)
                .POST(AdminHttp.form("")));
        HttpResponse<String> primer = AdminHttp.get(URI.create(base
                + "check?country=lt&provider=bite_lt&content=order-42"), null);

        assertThat(refreshed.statusCode() + " " + refreshed.body())
                .isEqualTo("200 rates refreshed: 2 countries, 3 providers\n");
        assertThat(primer.body()).contains("SAFE 3939 order-42").contains(">1337<").contains("5.80 EUR")
                .contains("Only for Bitė subscribers.");
        assertThat(AdminHttp.get(URI.create(base + "cron"), AdminHttp.ADMIN).body()).contains("rates-3939.xml");
        assertThat(AdminHttp.get(URI.create(base + "select"), AdminHttp.ADMIN).body()).contains("Unclosed sessions");
    }

    @Test
    void theEmbeddedDatabaseLivesInWildFlysDataDirectory() {
        Path database = wildFlyData().resolve("smssafe.mv.db");

        assertThat(Files.exists(database)).as(database.toString()).isTrue();
    }

    @Test
    void adminPagesUseWildFlysUsersAndRoles() {
        URI select = URI.create(base + "select");

        assertThat(AdminHttp.get(select, null).statusCode()).isEqualTo(401);
        assertThat(AdminHttp.get(select, AdminHttp.VISITOR).statusCode()).isEqualTo(403);
        assertThat(AdminHttp.get(select, AdminHttp.ADMIN).statusCode()).isEqualTo(200);
        // records in EL: WildFly's EL 5.0 has no record resolver, so the pages call the accessors
        assertThat(AdminHttp.get(URI.create(base + "setup"), AdminHttp.ADMIN).body())
                .contains("The schema is up to date.")
                .containsPattern("<td>1</td><td>payment sessions</td>\\s*<td>Success</td>")
                .containsPattern("<td>2</td><td>mbs transactions</td>\\s*<td>Success</td>");
    }

    @Test
    void aCommittedMbsTransactionIsLoadedThroughTheWarsSoapClientAndPays() throws Exception {
        Transaction billed;
        try (MbsDirect site = new MbsDirect(MbsConfig.of(SANDBOX.url(), SERVICE, SECRET,
                base + "mbs/report?t=%t"))) {
            billed = site.bill("acc-wf", BillRequest.sms("order-wf-" + System.nanoTime(), "Thanks", 390, "EUR"));
            site.commitTransaction(billed.transactionId());
        }
        String line = "mbs " + SERVICE + ":" + billed.transactionId() + " " + billed.ident() + " 390 EUR OK";

        assertThat(ActionLog.await(line::equals, 1)).containsExactly(line);
        assertThat(SANDBOX.awaitReports(2, Duration.ofSeconds(20))).extracting(SandboxMbs.SentReport::body)
                .containsOnly("OK");
    }
}
