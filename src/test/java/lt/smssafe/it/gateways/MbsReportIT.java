package lt.smssafe.it.gateways;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lt.smssafe.it.ActionLog;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.DatabaseRows;
import lt.smssafe.it.PaymentsApiServlet;
import lt.smssafe.it.RecordingAction;
import lt.smssafe.it.TestWar;
import lt.smssafe.it.TomcatLog;
import lt.smssafe.mbs.AccountType;
import lt.smssafe.mbs.BillRequest;
import lt.smssafe.mbs.MbsConfig;
import lt.smssafe.mbs.MbsDirect;
import lt.smssafe.mbs.ReportSigner;
import lt.smssafe.mbs.Transaction;
import lt.smssafe.testing.MariaDbServer;
import lt.smssafe.testing.SchemaDefect;
import lt.smssafe.testing.mbs.SandboxMbs;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The billing-report servlet in a real Tomcat on a real MariaDB against the sandbox MBS over real SOAP: the site
 * bills and commits, the platform reports to {@code /mbs/report}, the servlet loads the transaction back and the
 * payment action runs exactly once even when the report is repeated; forged, stale and foreign reports are refused;
 * while the platform or the database cannot be reached a report is a 503 that keeps nothing, and a defect is a 500
 * logged at ERROR. The site owner's code gets the WAR's own MBS client from {@code SmsSafePayments}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MbsReportIT {
    private static final long SERVICE = 41;
    private static final String SECRET = "mbs-secret-41";
    private static final String DATABASE = "mbs_report_it";
    /** The {@code mbs.report-url} key: only the WAR's own client sends it, and these tests bill with their own. */
    private static final String REPORT_URL = "http://127.0.0.1:8080/mbs-it/mbs/report?t=%t";
    /** Started before the deployment is built, because the deployment's configuration names its address. */
    private static final SandboxMbs SANDBOX = new SandboxMbs().addService(SERVICE, SECRET)
            .addService(42, "other-secret")
            .addOperator("bite_lt", "Bitė", true)
            .addAccount("acc-it", "37060000041", "bite_lt", AccountType.PREPAID, 100_000)
            .start();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("mbs-it")
                .with("safe", "4141")
                .with("passkey", "mbs-it-passkey")
                .with("mbs.url", SANDBOX.url().toString())
                .with("mbs.service", String.valueOf(SERVICE))
                .with("mbs.secret", SECRET)
                .with("mbs.report-url", REPORT_URL)
                .with("action", RecordingAction.class.getName())
                .withClasses(RecordingAction.class, PaymentsApiServlet.class)
                .withMariaDb(DATABASE)
                .build();
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    /** The site owner's code: a client of its own, reports sent to the deployment's servlet. */
    private MbsDirect site() {
        return new MbsDirect(MbsConfig.of(SANDBOX.url(), SERVICE, SECRET, base + "mbs/report?t=%t&s=%{service_id}%"));
    }

    @Test
    void aCommittedTransactionIsReportedLoadedRecordedAndPaysOnceEvenWhenReportedAgain() throws Exception {
        Transaction billed;
        try (MbsDirect site = site()) {
            billed = site.bill("acc-it", BillRequest.sms("order-" + System.nanoTime(), "Thanks", 250, "EUR"));
            site.commitTransaction(billed.transactionId());
        }
        List<SandboxMbs.SentReport> reports = SANDBOX.awaitReports(2, Duration.ofSeconds(20)).stream()
                .filter(r -> r.parameter("transaction_id").equals(String.valueOf(billed.transactionId()))).toList();
        String reference = SERVICE + ":" + billed.transactionId();
        String line = "mbs " + reference + " " + billed.ident() + " 250 EUR OK";
        List<String> lines = ActionLog.await(line::equals, 1);

        assertThat(reports).extracting(SandboxMbs.SentReport::httpStatus).containsOnly(200);
        assertThat(reports).extracting(SandboxMbs.SentReport::body).containsOnly("OK");
        assertThat(lines).containsExactly(line);

        HttpResponse<String> again = AdminHttp.send(AdminHttp.request(reports.get(reports.size() - 1).uri(), null)
                .GET());
        Thread.sleep(1_500);
        assertThat(again.statusCode() + " " + again.body()).isEqualTo("200 OK");
        assertThat(ActionLog.lines(line::equals)).as("a repeated report pays nothing more").hasSize(1);
    }

    @Test
    void forgedStaleAndForeignReportsAreRefused() {
        long now = Instant.now().getEpochSecond();
        String stale = String.valueOf(now - 3_700);
        HttpResponse<String> forged = report(2456, SERVICE, "commit", "ok", now, "other-secret");
        HttpResponse<String> old = report(2456, SERVICE, "commit", "ok", Long.parseLong(stale), SECRET);
        // the signature is checked first (as on /result): a foreign report signed with our key names another service
        HttpResponse<String> foreign = report(2456, 42, "commit", "ok", now, SECRET);
        HttpResponse<String> unknown = report(999_999, SERVICE, "commit", "ok", now, SECRET);
        HttpResponse<String> missing = AdminHttp.send(AdminHttp.request(URI.create(base + "mbs/report?service_id=41"),
                null).GET());

        assertThat(List.of(forged, old, foreign, unknown, missing)).extracting(r -> r.statusCode() + " " + r.body())
                .containsExactly("403 checksum failed", "403 stale request", "404 unknown service",
                        "404 unknown transaction", "400 bad request: transaction_id");
    }

    @Test
    void whileThePlatformCannotBeReachedAReportIsA503ThatKeepsNothingAndALaterReportRecordsItOnce()
            throws Exception {
        Transaction committed = committedWithoutReport("mbs-down");
        SANDBOX.goDown();
        HttpResponse<String> down;
        try {
            down = report(committed);
        } finally {
            SANDBOX.comeBack();
        }

        assertTryAgainLater(down);
        assertThat(recorded(committed)).as("nothing kept").isEmpty();
        assertRecordedOnceByALaterReport(committed);
    }

    @Test
    void whileTheDatabaseCannotBeReachedAReportIsA503ThatKeepsNothingAndALaterReportRecordsItOnce()
            throws Exception {
        Transaction committed = committedWithoutReport("db-down");
        HttpResponse<String> down = MariaDbServer.get().whileStopped(() -> report(committed));

        assertTryAgainLater(down);
        assertThat(recorded(committed)).as("nothing kept").isEmpty();
        assertRecordedOnceByALaterReport(committed);
    }

    @Test
    void aDefectIsA500InternalErrorLoggedAtErrorWithItsStackTraceNotAnOutage() throws Exception {
        Transaction committed = committedWithoutReport("defect");
        String logged = "/mbs/report failed: a defect, answered 500";
        int before = TomcatLog.entriesContaining(logged).size();
        // the code reads and writes a column the table does not have
        HttpResponse<String> response = SchemaDefect.on(statement -> DatabaseRows.execute(DATABASE, statement))
                .withoutColumn("smssafe_mbs_transaction", "ident", () -> report(committed));

        assertThat(response.statusCode() + " " + response.body()).isEqualTo("500 internal error");
        assertThat(response.headers().firstValue("Retry-After")).as("not an outage").isEmpty();
        List<String> entries = TomcatLog.awaitEntries(logged, before);
        assertThat(entries).as("one ERROR entry for the defect").hasSize(before + 1);
        assertThat(entries.get(entries.size() - 1)).contains("SEVERE")
                .contains("\tat lt.smssafe.mbs.recording.BillingRecorder").contains("ident");
        assertThat(recorded(committed)).as("nothing kept").isEmpty();
        assertRecordedOnceByALaterReport(committed);
    }

    @Test
    void theSiteOwnersCodeGetsTheWarsOwnClientConfiguredFromTheMbsKeys() throws Exception {
        Transaction committed = committedWithoutReport("api");

        HttpResponse<String> known = AdminHttp.get(URI.create(base + "it/payments-api?mbs="
                + committed.transactionId()), null);
        HttpResponse<String> unknown = AdminHttp.get(URI.create(base + "it/payments-api?mbs=999999"), null);

        assertThat(known.statusCode() + " " + known.body()).isEqualTo("200 configured=true report-url=" + REPORT_URL
                + " commit " + committed.ident());
        assertThat(unknown.statusCode() + " " + unknown.body()).isEqualTo("200 configured=true report-url="
                + REPORT_URL + " unknown");
    }

    /** A transaction billed and committed by a client that names no report URL, so that the platform reports none. */
    private Transaction committedWithoutReport(String kind) {
        try (MbsDirect site = new MbsDirect(MbsConfig.of(SANDBOX.url(), SERVICE, SECRET, null))) {
            Transaction billed = site.bill("acc-it", BillRequest.sms(kind + "-" + System.nanoTime(), "Thanks", 250,
                    "EUR"));
            return site.commitTransaction(billed.transactionId());
        }
    }

    /** The report the platform would send now of this committed transaction, signed with the service's key. */
    private HttpResponse<String> report(Transaction committed) {
        return report(committed.transactionId(), SERVICE, "commit", "ok", Instant.now().getEpochSecond(), SECRET);
    }

    private static void assertTryAgainLater(HttpResponse<String> response) {
        assertThat(response.statusCode() + " " + response.body()).isEqualTo("503 try again later");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
    }

    /** A report once the failure is gone: answered OK, the transaction recorded once, the action run once. */
    private void assertRecordedOnceByALaterReport(Transaction committed) throws InterruptedException {
        String line = "mbs " + SERVICE + ":" + committed.transactionId() + " " + committed.ident() + " 250 EUR OK";
        assertThat(ActionLog.lines(line::equals)).as("no action before it is recorded").isEmpty();

        HttpResponse<String> later = report(committed);

        assertThat(later.statusCode() + " " + later.body()).isEqualTo("200 OK");
        assertThat(recorded(committed)).containsExactly(List.of("commit", committed.ident(), "250"));
        assertThat(ActionLog.await(line::equals, 1)).containsExactly(line);
    }

    /** The deployment's rows for this transaction: status, ident, price. */
    private static List<List<String>> recorded(Transaction transaction) {
        return DatabaseRows.query(DATABASE, "select status, ident, price_cents from smssafe_mbs_transaction"
                + " where service_id = ? and transaction_id = ?", SERVICE, transaction.transactionId());
    }

    private HttpResponse<String> report(long transaction, long service, String status, String state, long time,
            String secret) {
        String sign = ReportSigner.sign(secret, transaction, service, status, state, time);
        return AdminHttp.send(AdminHttp.request(URI.create(base + "mbs/report?transaction_id=" + transaction
                + "&service_id=" + service + "&status=" + status + "&state=" + state + "&time=" + time
                + "&sign=" + sign), null).GET());
    }
}
