package lt.smssafe.mbs;

import lt.smssafe.signing.TimeWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import com.sun.xml.ws.developer.SchemaValidationFeature;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.parsers.DocumentBuilderFactory;
import lt.smssafe.mbs.wire.MbsDirectPort;
import lt.smssafe.testing.mbs.SandboxMbs;
import lt.smssafe.testing.mbs.SandboxMbs.SentReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The client against the sandbox platform over real HTTP and SOAP, with billing reports received by a site over real
 * HTTP. Every message is validated against the shipped WSDL's schema on both sides.
 */
class MbsDirectTest {
    private static final long SERVICE = 1;
    private static final String SECRET = "secret-of-service-1";
    private static final long OTHER_SERVICE = 2;
    private static final String OTHER_SECRET = "secret-of-service-2";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private ReportSite site;
    private SandboxMbs mbs;
    private MbsDirect client;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void start() {
        site = ReportSite.start();
        mbs = new SandboxMbs()
                .addService(SERVICE, SECRET)
                .addService(OTHER_SERVICE, OTHER_SECRET)
                .addOperator("bite_lt", "Bitė", true)
                .addOperator("tele2_lt", "Tele2 Lietuva", false)
                .addAccount("acc-prepaid", "37060000001", "bite_lt", AccountType.PREPAID, 1000)
                .addAccount("acc-postpaid", "37060000002", "tele2_lt", AccountType.POSTPAID, 0)
                .start();
        client = client(SERVICE, SECRET, site.url() + "?trans=%t&s=%s");
        site.readingWith(client);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        mbs.close();
        site.close();
    }

    private MbsDirect client(long serviceId, String secret, String reportUrl) {
        return client(new MbsConfig(mbs.url(), serviceId, secret,
                reportUrl == null ? null : ReportUrlTemplate.parse(reportUrl), Duration.ofSeconds(2),
                Duration.ofSeconds(5)));
    }

    private MbsDirect client(MbsConfig config) {
        // the client validates every answer against the shipped schema too
        MbsDirect direct = new MbsDirect(config, new SchemaValidationFeature());
        toClose.add(direct);
        return direct;
    }

    private static BillRequest order(String ident, long cents) {
        return BillRequest.sms(ident, "Thank you for order " + ident, cents, "EUR");
    }

    @Test
    void aBillIsReservedThenCommittedAndItsReportsVerifyAndLoadTheTransaction() {
        Transaction reserved = client.bill("acc-prepaid", order("order-1", 250));

        assertThat(reserved.transactionId()).isEqualTo(SandboxMbs.FIRST_TRANSACTION_ID);
        assertThat(reserved.serviceId()).isEqualTo(SERVICE);
        assertThat(reserved.status()).isEqualTo(TransactionStatus.RESERVE);
        assertThat(reserved.state()).isEqualTo(MbsState.OK);
        assertThat(reserved.accountId()).isEqualTo("acc-prepaid");
        assertThat(reserved.accountMsisdn()).isEqualTo("37060000001");
        assertThat(reserved.operator()).isEqualTo("bite_lt");
        assertThat(reserved.accountType()).isEqualTo(AccountType.PREPAID);
        assertThat(reserved.priceCents()).isEqualTo(250);
        assertThat(reserved.currency()).isEqualTo("EUR");
        assertThat(reserved.mtType()).isEqualTo(MtType.SMS);
        assertThat(reserved.mtText()).isEqualTo("Thank you for order order-1");
        assertThat(mbs.balance("acc-prepaid")).isEqualTo(750);

        Transaction committed = client.commitTransaction(reserved.transactionId());

        assertThat(committed.status()).isEqualTo(TransactionStatus.COMMIT);
        assertThat(committed.state()).isEqualTo(MbsState.OK);
        assertThat(mbs.balance("acc-prepaid")).isEqualTo(750);
        List<SentReport> reports = mbs.awaitReports(2, WAIT);
        assertThat(reports).extracting(r -> r.parameter("status")).containsExactly("reserve", "commit");
        assertThat(reports).extracting(SentReport::httpStatus).containsExactly(200, 200);
        assertThat(reports.get(1).uri().toString())
                .startsWith(site.url() + "?trans=2456&s=1&transaction_id=2456&service_id=1&status=commit&state=ok");
        assertThat(site.accepted().get(1)).as("the platform's word on the reported transaction").isEqualTo(committed);
        assertThat(site.refused()).isEmpty();
    }

    @Test
    void billByMsisdnChargesTheAccountWithThatNumberAtThatOperator() {
        Transaction reserved = client.billByMsisdn("37060000001", "bite_lt",
                BillRequest.wapPush("order-2", "Your ticket", "https://example.lt/ticket/2", 300, "EUR")
                        .withLanguage("lt"));

        assertThat(reserved.accountId()).isEqualTo("acc-prepaid");
        assertThat(reserved.status()).isEqualTo(TransactionStatus.RESERVE);
        assertThat(reserved.mtType()).isEqualTo(MtType.WAP_PUSH);
        assertThat(reserved.mtUrl()).isEqualTo("https://example.lt/ticket/2");
        assertThat(mbs.balance("acc-prepaid")).isEqualTo(700);
        assertThat(mbs.requestsReceived().get(0)).contains("<language>lt</language>", "<mt_type>WapPush</mt_type>");
    }

    @Test
    void billByMsisdnOfAnUnknownNumberIsAccountNotFound() {
        MbsRefusedException refused = catchThrowableOfType(MbsRefusedException.class,
                () -> client.billByMsisdn("37060000001", "tele2_lt", order("order-3", 100)));

        assertThat(refused.state()).isEqualTo(MbsState.ACCOUNT_NOT_FOUND);
        assertThat(refused.description()).isEqualTo("no account 37060000001 at tele2_lt");
        assertThat(refused.transaction()).isEmpty();
    }

    @Test
    void aRollbackGivesTheMoneyBack() {
        Transaction reserved = client.bill("acc-prepaid", order("order-4", 400));
        assertThat(mbs.balance("acc-prepaid")).isEqualTo(600);

        Transaction rolledBack = client.rollBackTransaction(reserved.transactionId());

        assertThat(rolledBack.status()).isEqualTo(TransactionStatus.ROLLBACK);
        assertThat(rolledBack.state()).isEqualTo(MbsState.OK);
        assertThat(mbs.balance("acc-prepaid")).isEqualTo(1000);
        assertThat(mbs.awaitReports(2, WAIT)).extracting(r -> r.parameter("status"))
                .containsExactly("reserve", "rollback");
        assertThat(client.isBilled(reserved.transactionId())).isFalse();
    }

    @Test
    void aRollbackIsRefusedWhereTheOperatorDoesNotAllowItAndTheMoneyStaysReserved() {
        Transaction reserved = client.bill("acc-postpaid", order("order-5", 500));

        MbsRefusedException refused = catchThrowableOfType(MbsRefusedException.class,
                () -> client.rollBackTransaction(reserved.transactionId()));

        assertThat(refused.state()).isEqualTo(MbsState.ROLLBACK_NOT_ALLOWED);
        assertThat(refused.description()).isEqualTo("Tele2 Lietuva does not allow rollbacks");
        assertThat(client.getTransaction(reserved.transactionId())).get()
                .extracting(Transaction::status).isEqualTo(TransactionStatus.RESERVE);
        assertThat(mbs.balance("acc-postpaid")).isEqualTo(-500);
    }

    @Test
    void aPrepaidBalanceBelowThePriceFailsWithInsufficientFundsAndChargesNothing() {
        MbsRefusedException refused = catchThrowableOfType(MbsRefusedException.class,
                () -> client.bill("acc-prepaid", order("order-6", 1001)));

        assertThat(refused.state()).isEqualTo(MbsState.INSUFFICIENT_FUNDS);
        assertThat(refused.description()).isEqualTo("transaction 2456 failed: balance 10.00 EUR is below the price 10.01 EUR");
        assertThat(refused.transaction()).get().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TransactionStatus.FAIL);
            assertThat(t.state()).isEqualTo(MbsState.INSUFFICIENT_FUNDS);
        });
        assertThat(mbs.balance("acc-prepaid")).isEqualTo(1000);
        assertThat(mbs.awaitReports(1, WAIT).get(0).parameters())
                .containsEntry("status", "fail").containsEntry("state", "insufficient_funds");
        assertThat(client.getTransactionInStatus(2456, TransactionStatus.FAIL, Optional.of("insufficient_funds")))
                .isPresent();
    }

    @Test
    void billsBeyondTheFrequencyLimitFailWithFrequencyLimit() {
        mbs.frequencyLimit(2, Duration.ofMinutes(1));
        client.bill("acc-prepaid", order("order-7", 10));
        client.bill("acc-prepaid", order("order-8", 10));

        MbsRefusedException refused = catchThrowableOfType(MbsRefusedException.class,
                () -> client.bill("acc-prepaid", order("order-9", 10)));

        assertThat(refused.state()).isEqualTo(MbsState.FREQUENCY_LIMIT);
        assertThat(refused.transaction()).get().extracting(Transaction::status).isEqualTo(TransactionStatus.FAIL);
        assertThat(mbs.balance("acc-prepaid")).isEqualTo(980);
    }

    @Test
    void anotherServicesTransactionIsNeitherReturnedNorBilledNorCommitted() {
        MbsDirect other = client(OTHER_SERVICE, OTHER_SECRET, null);
        Transaction ours = client.bill("acc-prepaid", order("order-10", 100));
        client.commitTransaction(ours.transactionId());

        assertThat(other.getTransaction(ours.transactionId())).isEmpty();
        assertThat(other.isBilled(ours.transactionId())).isFalse();
        assertThat(other.isCommitted(ours.transactionId())).isFalse();
        MbsRefusedException refused = catchThrowableOfType(MbsRefusedException.class,
                () -> other.rollBackTransaction(ours.transactionId()));
        assertThat(refused.state()).isEqualTo(MbsState.TRANSACTION_NOT_FOUND);
        assertThat(client.isBilled(ours.transactionId())).isTrue();
    }

    @Test
    void getTransactionInStatusMatchesTheStatusAndTheStateWhenOneIsGiven() {
        long id = client.bill("acc-prepaid", order("order-11", 100)).transactionId();

        assertThat(client.getTransactionInStatus(id, TransactionStatus.RESERVE, Optional.empty())).isPresent();
        assertThat(client.getTransactionInStatus(id, TransactionStatus.RESERVE, Optional.of("ok"))).isPresent();
        assertThat(client.getTransactionInStatus(id, TransactionStatus.RESERVE, Optional.of("frequency_limit")))
                .isEmpty();
        assertThat(client.getTransactionInStatus(id, TransactionStatus.COMMIT, Optional.empty())).isEmpty();
        assertThat(client.getTransactionInStatus(999_999, TransactionStatus.RESERVE, Optional.empty())).isEmpty();
    }

    @Test
    void isBilledAndIsCommittedAreTrueOnlyOnceTheMoneyIsTaken() {
        long id = client.bill("acc-prepaid", order("order-12", 100)).transactionId();
        assertThat(client.isBilled(id)).isFalse();
        assertThat(client.isCommitted(id)).isFalse();

        client.commitTransaction(id);

        assertThat(client.isBilled(id)).isTrue();
        assertThat(client.isCommitted(id)).isTrue();
        assertThat(client.isBilled(999_999)).isFalse();
    }

    @Test
    void aSecondCommitAnswersTheTransactionAgainButARolledBackOneCannotBeCommitted() {
        long committed = client.bill("acc-prepaid", order("order-13", 100)).transactionId();
        client.commitTransaction(committed);
        long rolledBack = client.bill("acc-prepaid", order("order-14", 100)).transactionId();
        client.rollBackTransaction(rolledBack);

        assertThat(client.commitTransaction(committed).status()).isEqualTo(TransactionStatus.COMMIT);
        MbsRefusedException refused = catchThrowableOfType(MbsRefusedException.class,
                () -> client.commitTransaction(rolledBack));
        assertThat(refused.state()).isEqualTo(MbsState.INVALID_STATUS);
        assertThat(refused.description()).isEqualTo("transaction 2457 is rollback and cannot be committed");
        assertThat(mbs.balance("acc-prepaid")).isEqualTo(900);
    }

    @Test
    void aWrongSecretKeyIsRefusedAsUnauthorized() {
        MbsDirect wrong = client(SERVICE, "not-the-secret", null);

        MbsRefusedException refused = catchThrowableOfType(MbsRefusedException.class,
                () -> wrong.bill("acc-prepaid", order("order-15", 100)));

        assertThat(refused.state()).isEqualTo(MbsState.UNAUTHORIZED);
        assertThat(refused.description())
                .isEqualTo("the MBS platform refused the credentials of service 1 (HTTP 401)");
        assertThat(refused.getMessage()).doesNotContain("not-the-secret");
        assertThat(mbs.balance("acc-prepaid")).isEqualTo(1000);
    }

    @Test
    void aPlatformThatIsDownIsUnavailableAtOnce() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        MbsDirect down = client(new MbsConfig(URI.create("http://127.0.0.1:" + closedPort + "/mbs"), SERVICE, SECRET,
                null, Duration.ofSeconds(1), Duration.ofSeconds(1)));

        long start = System.nanoTime();
        MbsUnavailableException unavailable = catchThrowableOfType(MbsUnavailableException.class,
                () -> down.isBilled(2456));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(unavailable.state()).isEqualTo(MbsState.UNAVAILABLE);
        assertThat(unavailable.description()).startsWith("no usable answer from the MBS platform at http://127.0.0.1:"
                + closedPort + "/mbs to getTransaction: ConnectException");
    }

    @Test
    void aPlatformThatDoesNotAnswerIsUnavailableAfterTheReadTimeout() throws Exception {
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newCachedThreadPool();
        silent.setExecutor(threads);
        silent.createContext("/", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        toClose.add(() -> {
            silent.stop(0);
            threads.shutdownNow();
        });
        MbsDirect slow = client(new MbsConfig(URI.create("http://127.0.0.1:" + silent.getAddress().getPort() + "/"),
                SERVICE, SECRET, null, Duration.ofSeconds(1), Duration.ofMillis(300)));

        long start = System.nanoTime();
        MbsUnavailableException unavailable = catchThrowableOfType(MbsUnavailableException.class,
                () -> slow.commitTransaction(2456));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        assertThat(unavailable.description()).contains("SocketTimeoutException");
    }

    @Test
    void optionsTravelAsANameValueListInTheirOrderAndComeBackAsAMap() throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("zeta", "last letter");
        options.put("alpha", "pirmas ą");
        options.put("x", "a&b=c");
        client.setReportUrl(site.url() + "?x=%{my_x}%&z=%{my_zeta}&n=%n");

        Transaction reserved = client.bill("acc-prepaid", order("order-16", 100).withOptions(options));

        assertThat(reserved.options()).containsExactly(Map.entry("zeta", "last letter"),
                Map.entry("alpha", "pirmas ą"), Map.entry("x", "a&b=c"));
        assertThat(wireOptions(mbs.requestsReceived().get(0)))
                .containsExactly("zeta=last letter", "alpha=pirmas ą", "x=a&b=c");
        assertThat(client.getTransaction(reserved.transactionId())).get()
                .extracting(Transaction::options).isEqualTo(options);
        assertThat(mbs.awaitReports(1, WAIT).get(0).uri().toString())
                .startsWith(site.url() + "?x=a%26b%3Dc&z=last%20letter&n=Bit%C4%97&transaction_id=2456&");
    }

    /** The {@code <option>} elements of a recorded request, as name=value. */
    private static List<String> wireOptions(String envelope) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
        NodeList nodes = document.getElementsByTagNameNS(MbsDirectPort.NAMESPACE, "option");
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element option = (Element) nodes.item(i);
            pairs.add(option.getElementsByTagNameNS(MbsDirectPort.NAMESPACE, "name").item(0).getTextContent() + "="
                    + option.getElementsByTagNameNS(MbsDirectPort.NAMESPACE, "value").item(0).getTextContent());
        }
        return pairs;
    }

    @Test
    void setReportUrlRejectsAnUnknownPlaceholderAndKeepsThePreviousTemplate() {
        assertThatThrownBy(() -> client.setReportUrl(site.url() + "?c=%{colour}%"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placeholder '%{colour}%' in the report URL template");

        assertThat(client.reportUrl()).contains(site.url() + "?trans=%t&s=%s");
    }

    @Test
    void aRepeatedReportVerifiesTheSameAndAForgedOneIsRefused() throws Exception {
        long id = client.bill("acc-prepaid", order("order-17", 100)).transactionId();
        client.commitTransaction(id);
        SentReport commit = mbs.awaitReports(2, WAIT).get(1);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(commit.uri()).build(),
                HttpResponse.BodyHandlers.ofString());
        String forgedUri = commit.uri().toString().replace("sign=" + commit.parameter("sign"),
                "sign=" + ReportSigner.sign("guessed", id, SERVICE, "commit", "ok",
                        Long.parseLong(commit.parameter("time"))));
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(forgedUri)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("OK");
        assertThat(site.accepted().get(2)).isEqualTo(site.accepted().get(1));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).isEqualTo("checksum failed");
        assertThat(site.accepted()).hasSize(3);
    }

    @Test
    void aGenuineReportOfATransactionThatIsNotOursIsRefusedByThePlatformsWord() {
        MbsDirect other = client(OTHER_SERVICE, OTHER_SECRET, null);
        long theirs = other.bill("acc-prepaid", order("order-18", 100)).transactionId();
        long now = System.currentTimeMillis() / 1000;
        // correctly signed with our key: only the platform can say the transaction is not ours
        Map<String, String[]> report = Map.of("transaction_id", new String[] {String.valueOf(theirs)},
                "service_id", new String[] {"1"}, "status", new String[] {"commit"}, "state", new String[] {"ok"},
                "time", new String[] {String.valueOf(now)},
                "sign", new String[] {ReportSigner.sign(SECRET, theirs, SERVICE, "commit", "ok", now)});

        MbsRefusedException refused = catchThrowableOfType(MbsRefusedException.class,
                () -> new BillingReportReader(client, TimeWindow.standard()).read(report));

        assertThat(refused.state()).isEqualTo(MbsState.TRANSACTION_NOT_FOUND);
        assertThat(refused.description())
                .isEqualTo("transaction 2456 was reported, but the platform does not know it as service 1's");
    }

    @Test
    void manyThreadsShareOneClient() throws Exception {
        long id = client.bill("acc-prepaid", order("order-19", 100)).transactionId();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Optional<Transaction>>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(() -> client.getTransaction(id));
            }
            for (Future<Optional<Transaction>> result : threads.invokeAll(calls)) {
                assertThat(result.get()).get().extracting(Transaction::transactionId).isEqualTo(id);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aClosedClientRefusesToCall() {
        client.close();

        assertThatThrownBy(() -> client.getTransaction(2456)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this MBS client is closed");
    }
}
