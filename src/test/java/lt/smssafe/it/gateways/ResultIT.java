package lt.smssafe.it.gateways;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lt.smssafe.it.ActionLog;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.DatabaseRows;
import lt.smssafe.it.RecordingAction;
import lt.smssafe.it.TestWar;
import lt.smssafe.it.TomcatLog;
import lt.smssafe.sms.dialect.smssafe.NotificationSigner;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.Concurrently;
import lt.smssafe.testing.FakeSmsSafeGateway;
import lt.smssafe.testing.MariaDbServer;
import lt.smssafe.testing.SchemaDefect;
import lt.smssafe.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /result} in a real Tomcat 11 on a real MariaDB bound as a container DataSource: a whole session with a
 * short delay, every refusal, retries, concurrency, the payment action, and an unreachable database. Every test
 * checks the database, not just the answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResultIT {
    static final long SAFE = 4242;
    static final String PASSKEY = "it-passkey-4242";
    private static final String DATABASE = "result_it";
    private static final TestData DATA = TestData.seededFor(ResultIT.class);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("result-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("messages", "3")
                .with("delay", "PT3S")
                .with("action", RecordingAction.class.getName())
                .withClasses(RecordingAction.class)
                .withMariaDb(DATABASE)
                .build();
    }

    private FakeSmsSafeGateway gateway() {
        return new FakeSmsSafeGateway(URI.create(base + "result"), SignatureScheme.HMAC_SHA256, PASSKEY);
    }

    @Test
    void aWholeSessionWithAShortDelayClosesAndRunsTheActionOnce() throws Exception {
        String phone = DATA.phone();
        FakeSmsSafeGateway gateway = gateway();

        HttpResponse<String> first = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "account-7"));
        String code = code(first);
        HttpResponse<String> second = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "account-7"));
        HttpResponse<String> early = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "account-7"));
        Thread.sleep(3_100);
        HttpResponse<String> last = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "account-7"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(first.body()).isEqualTo("your message is received, session " + code + " started");
        assertThat(second.body()).isEqualTo("your message is received for session " + code
                + ", DO NOT send the last message (0 hours 1 minute left)");
        assertThat(early.body()).isEqualTo("error. your message cannot be processed (0 hours 1 minute left)");
        assertThat(last.body()).isEqualTo("your message is received, session " + code + " closed");
        assertThat(query("select received_messages, total, closed_at is not null from smssafe_session"
                + " where safe_id = ? and code = ?", SAFE, code)).containsExactly(List.of("3", "4.35", "1"));
        assertThat(query("select outcome from smssafe_message m join smssafe_session s on s.id = m.session_id"
                + " where s.code = ? order by m.id", code)).containsExactly(
                List.of("STARTED"), List.of("LAST"), List.of("WAIT"), List.of("CLOSED"));
        assertThat(awaitActionLines(code, 1)).containsExactly(code + " account-7 3 4.35 EUR OK");
        // the runner records the success after the action's line: awaited, not read at once
        assertThat(DatabaseRows.await(List.of(List.of("1", "1")), DATABASE, "select attempts, succeeded_at is not null"
                + " from smssafe_action_run where reference = ?", code)).containsExactly(List.of("1", "1"));
    }

    @Test
    void aFormEncodedPostIsAcceptedLikeAGet() {
        FakeSmsSafeGateway gateway = gateway();
        HttpResponse<String> response = gateway.post(gateway.signed(FakeSmsSafeGateway.sms(SAFE, DATA.id(),
                DATA.phone(), "p")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).endsWith(" started");
        assertThat(query("select count(*) from smssafe_session where code = ?", code(response)))
                .containsExactly(List.of("1"));
    }

    @Test
    void everyMissingOrMalformedParameterIsA400NamingItAndStoresNothing() {
        FakeSmsSafeGateway gateway = gateway();
        Map<String, String> valid = FakeSmsSafeGateway.sms(SAFE, DATA.id(), DATA.phone(), "x");
        Map<String, String> malformed = Map.of("safe", "12a", "message_id", "bad id!", "msisdn", "123",
                "country", "ltu", "provider", "Bite-LT", "shortcode", "13x7", "cost_local", "1.456",
                "currency", "EU", "time", "soon", "sign", "not-hex");
        for (String parameter : List.of("safe", "message_id", "msisdn", "country", "provider", "shortcode",
                "content", "cost_local", "currency", "time", "sign")) {
            Map<String, String> missing = new LinkedHashMap<>(gateway.signed(valid));
            missing.remove(parameter);
            HttpResponse<String> response = gateway.get(missing);
            assertThat(response.statusCode()).as("without %s", parameter).isEqualTo(400);
            assertThat(response.body()).isEqualTo("bad request: " + parameter);
            if (malformed.containsKey(parameter)) {
                Map<String, String> bad = new LinkedHashMap<>(valid);
                bad.put(parameter, malformed.get(parameter));
                HttpResponse<String> badResponse = gateway.get(parameter.equals("sign") ? with(
                        gateway.signed(valid), "sign", "not-hex") : gateway.signed(bad));
                assertThat(badResponse.statusCode()).as("malformed %s", parameter).isEqualTo(400);
                assertThat(badResponse.body()).isEqualTo("bad request: " + parameter);
            }
        }
        assertThat(query("select count(*) from smssafe_message where msisdn = ?", valid.get("msisdn")))
                .containsExactly(List.of("0"));
    }

    @Test
    void aWrongSignatureAnotherSafeAndAStaleTimeAreRefused() {
        FakeSmsSafeGateway gateway = gateway();
        String phone = DATA.phone();
        Map<String, String> valid = FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "x");

        HttpResponse<String> forged = gateway.get(with(gateway.signed(valid), "content", "y"));
        HttpResponse<String> wrongKey = new FakeSmsSafeGateway(URI.create(base + "result"), SignatureScheme.HMAC_SHA256,
                "another-passkey").deliver(valid);
        HttpResponse<String> otherSafe = gateway.deliver(with(valid, "safe", "4243"));
        HttpResponse<String> stale = gateway.deliver(with(valid, "time",
                String.valueOf(Instant.now().minus(Duration.ofHours(1)).minusSeconds(60).getEpochSecond())));
        HttpResponse<String> future = gateway.deliver(with(valid, "time",
                String.valueOf(Instant.now().plus(Duration.ofHours(1)).plusSeconds(60).getEpochSecond())));

        assertThat(List.of(forged, wrongKey, otherSafe, stale, future))
                .extracting(r -> r.statusCode() + " " + r.body())
                .containsExactly("403 checksum failed", "403 checksum failed", "404 unknown safe",
                        "403 stale request", "403 stale request");
        assertThat(query("select count(*) from smssafe_message where msisdn = ?", phone))
                .containsExactly(List.of("0"));
    }

    /**
     * Issue 21's re-cut of {@code /result}: the buyer texts the fields that follow {@code message_id} again, and a
     * holder of the delivered request moves them into a {@code message_id} that swallows the real ones (same
     * canonical string, same {@code sign}, another phone, a new id). It is {@code 400 bad request: message_id}; the
     * database still holds the one message and its session's count.
     */
    @Test
    void aReCutOfADeliveredRequestWhoseMessageIdSwallowsTheNextFieldsIsABadMessageId() {
        FakeSmsSafeGateway gateway = gateway();
        String phone = DATA.phone();
        String otherPhone = DATA.phone();
        // short enough that the swallowing id still fits 64 characters: only its colons can refuse it
        String messageId = "rc-" + DATA.id();
        Map<String, String> genuine = gateway.signed(FakeSmsSafeGateway.sms(SAFE, messageId, phone,
                "x::" + otherPhone + "::lt::bite_lt::1337::free"));
        Map<String, String> recut = new LinkedHashMap<>(genuine);
        recut.put("message_id", String.join("::", messageId, phone, "lt", "bite_lt", "1337", "x"));
        recut.put("msisdn", otherPhone);
        recut.put("content", "free");

        HttpResponse<String> delivered = gateway.get(genuine);
        HttpResponse<String> recutAnswer = gateway.get(recut);

        assertThat(recut.get("message_id")).hasSizeLessThanOrEqualTo(64);
        assertThat(String.join("::", NotificationSigner.SIGNED_PARAMETERS.stream().map(recut::get).toList()))
                .as("the same canonical string").isEqualTo(String.join("::",
                        NotificationSigner.SIGNED_PARAMETERS.stream().map(genuine::get).toList()));
        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(recutAnswer.statusCode() + " " + recutAnswer.body()).isEqualTo("400 bad request: message_id");
        assertThat(query("select message_id, msisdn from smssafe_message where msisdn in (?, ?)", phone, otherPhone))
                .containsExactly(List.of(messageId, phone));
        assertThat(query("select msisdn, received_messages from smssafe_session where msisdn in (?, ?)", phone,
                otherPhone)).containsExactly(List.of(phone, "1"));
    }

    @Test
    void aRetryGetsTheSameAnswerAndAReusedIdIsA409() throws Exception {
        FakeSmsSafeGateway gateway = gateway();
        String phone = DATA.phone();
        Map<String, String> sms = FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "order-1");

        HttpResponse<String> first = gateway.deliver(sms);
        Thread.sleep(1_100);
        HttpResponse<String> retry = gateway.deliver(with(sms, "time",
                String.valueOf(Instant.now().getEpochSecond())));
        HttpResponse<String> reused = gateway.deliver(with(sms, "content", "order-2"));

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.body()).isEqualTo("message_id reused");
        assertThat(query("select received_messages from smssafe_session where code = ?", code(first)))
                .containsExactly(List.of("1"));
        assertThat(query("select count(*) from smssafe_message where msisdn = ?", phone)).containsExactly(List.of("1"));
    }

    @Test
    void thirtyMessagesFromOnePhoneAtOnceAreCountedOneAfterAnother() {
        FakeSmsSafeGateway gateway = gateway();
        String phone = DATA.phone();

        List<HttpResponse<String>> answers = Concurrently.run(30,
                i -> () -> gateway.deliver(FakeSmsSafeGateway.sms(SAFE, "burst-" + phone + "-" + i, phone, "b")));

        // N = 3 with a delay: the first opens, the second makes it wait, the other 28 are rejected
        Map<String, Long> byText = answers.stream().collect(Collectors.groupingBy(
                r -> r.statusCode() + " " + r.body().replaceAll(TestData.CODE, "X"),
                Collectors.counting()));
        assertThat(byText).containsOnly(
                Map.entry("200 your message is received, session X started", 1L),
                Map.entry("200 your message is received for session X, DO NOT send the last message"
                        + " (0 hours 1 minute left)", 1L),
                Map.entry("200 error. your message cannot be processed (0 hours 1 minute left)", 28L));
        assertThat(query("select received_messages, closed_at is null from smssafe_session where msisdn = ?", phone))
                .containsExactly(List.of("2", "1"));
        assertThat(query("select count(*) from smssafe_message where msisdn = ?", phone))
                .containsExactly(List.of("30"));
    }

    @Test
    void twentyCopiesOfOneMessageAtOnceGetOneAnswerAndCountOnce() {
        FakeSmsSafeGateway gateway = gateway();
        String phone = DATA.phone();
        Map<String, String> sms = gateway.signed(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "c"));

        List<HttpResponse<String>> answers = Concurrently.run(20, i -> () -> gateway.get(sms));

        Set<String> distinct = answers.stream().map(r -> r.statusCode() + " " + r.body()).collect(Collectors.toSet());
        assertThat(distinct).hasSize(1);
        assertThat(distinct.iterator().next()).startsWith("200 ").endsWith(" started");
        assertThat(query("select received_messages from smssafe_session where msisdn = ?", phone))
                .containsExactly(List.of("1"));
    }

    @Test
    void threeHundredPhonesAtOnceGetDistinctCodes() {
        FakeSmsSafeGateway gateway = gateway();
        List<String> phones = DATA.consecutivePhones(300);

        List<HttpResponse<String>> answers = Concurrently.run(300,
                i -> () -> gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phones.get(i), "many")));

        Set<String> codes = new HashSet<>();
        answers.forEach(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            codes.add(code(r));
        });
        assertThat(codes).hasSize(300);
        assertThat(query("select count(distinct code) from smssafe_session where content = 'many'"
                + " and msisdn between ? and ?", phones.get(0), phones.get(299)))
                .containsExactly(List.of("300"));
    }

    @Test
    void anActionThatThrowsIsRetriedUntilItSucceedsAndTheAttemptsAreKept() throws Exception {
        FakeSmsSafeGateway gateway = gateway();
        String phone = DATA.phone();
        String code = null;
        for (int i = 0; i < 3; i++) {
            if (i == 2) {
                Thread.sleep(3_100);
            }
            code = code(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "fail-once-" + phone)));
        }

        assertThat(awaitActionLines(code, 2)).containsExactly(
                code + " fail-once-" + phone + " 3 4.35 EUR FAILED", code + " fail-once-" + phone + " 3 4.35 EUR OK");
        List<List<String>> run = List.of(List.of("2", "java.io.IOException: the shop is down for " + code, "1"));
        assertThat(DatabaseRows.await(run, DATABASE, "select attempts, last_error, succeeded_at is not null"
                + " from smssafe_action_run where safe_id = ? and reference = ?", SAFE, code)).isEqualTo(run);
        Thread.sleep(1_500);
        assertThat(actionLines(code)).as("not run again once it succeeded").hasSize(2);
    }

    @Test
    void theGatewaysEndpointsAnswer404WithoutTheirKeys() {
        for (String gateway : List.of("Fortumo", "Paysera")) {
            HttpResponse<String> response = AdminHttp.get(URI.create(base + gateway.toLowerCase(Locale.ROOT)
                    + "?message_id=x"), null);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(gateway + " is not configured");
        }
    }

    @Test
    void anUnreachableDatabaseGetsA503WithRetryAfterAndKeepsNothing() {
        FakeSmsSafeGateway gateway = gateway();
        String phone = DATA.phone();
        List<HttpResponse<String>> down = MariaDbServer.get().whileStopped(() -> List.of(
                gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "down")),
                AdminHttp.get(URI.create(base + "health"), null)));
        HttpResponse<String> response = down.get(0);
        HttpResponse<String> health = down.get(1);
        assertThat(health.statusCode()).as("the load balancer takes this node out").isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"down\",\"database\":\"down\",\"schema\":\"unknown\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(response.body()).isEqualTo("try again later");
        assertThat(query("select count(*) from smssafe_message where msisdn = ?", phone)).containsExactly(List.of("0"));
        assertThat(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "down")).statusCode())
                .as("served again once the database is back").isEqualTo(200);
    }

    @Test
    void aDefectIsA500InternalErrorLoggedAtErrorWithItsStackTraceNotAnOutage() throws Exception {
        FakeSmsSafeGateway gateway = gateway();
        String phone = DATA.phone();
        String id = DATA.id();
        String logged = "/result failed: a defect, answered 500";
        int before = TomcatLog.entriesContaining(logged).size();
        // the code writes a column the table does not have
        HttpResponse<String> response = defects().withoutColumn("smssafe_message", "reply",
                () -> gateway.deliver(FakeSmsSafeGateway.sms(SAFE, id, phone, "defect")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("internal error");
        assertThat(response.headers().firstValue("Retry-After")).as("not an outage").isEmpty();
        List<String> entries = TomcatLog.awaitEntries(logged, before);
        assertThat(entries).as("one ERROR entry for the defect").hasSize(before + 1);
        assertThat(entries.get(entries.size() - 1)).contains("SEVERE").contains("\tat lt.smssafe.sms.MessageProcessor")
                .contains("reply");
        assertThat(query("select count(*) from smssafe_message where msisdn = ?", phone)).containsExactly(List.of("0"));
        assertThat(query("select count(*) from smssafe_session where msisdn = ?", phone)).containsExactly(List.of("0"));

        HttpResponse<String> retried = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, id, phone, "defect"));
        assertThat(retried.statusCode()).as("served once the defect is mended").isEqualTo(200);
        assertThat(query("select count(*) from smssafe_message where msisdn = ?", phone)).containsExactly(List.of("1"));

        // a page that meets a defect says so the same way
        String pageLogged = "/check failed: a defect, answered 500";
        int pageBefore = TomcatLog.entriesContaining(pageLogged).size();
        HttpResponse<String> page = defects().withoutColumn("smssafe_session", "content",
                () -> java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create(base + "check?session=" + code(retried))).build(),
                        HttpResponse.BodyHandlers.ofString()));
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).isEqualTo("internal error");
        assertThat(TomcatLog.awaitEntries(pageLogged, pageBefore)).hasSize(pageBefore + 1);
    }

    private static SchemaDefect defects() {
        return SchemaDefect.on(statement -> DatabaseRows.execute(DATABASE, statement));
    }

    private static Map<String, String> with(Map<String, String> params, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(key, value);
        return copy;
    }

    private static List<String> actionLines(String code) {
        return ActionLog.lines(line -> line.startsWith(code + " "));
    }

    private static List<String> awaitActionLines(String code, int count) throws InterruptedException {
        return ActionLog.await(line -> line.startsWith(code + " "), count);
    }

    /** Rows of a query on the deployment's database, every value as text. */
    static List<List<String>> query(String sql, Object... args) {
        return DatabaseRows.query(DATABASE, sql, args);
    }
}
