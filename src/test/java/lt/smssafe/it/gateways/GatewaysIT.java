package lt.smssafe.it.gateways;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import lt.smssafe.it.ActionLog;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.DatabaseRows;
import lt.smssafe.it.RecordingAction;
import lt.smssafe.it.TestWar;
import lt.smssafe.sms.dialect.paysera.PayseraKeys;
import lt.smssafe.testing.Concurrently;
import lt.smssafe.testing.FakeLiveGateway;
import lt.smssafe.testing.MariaDbServer;
import lt.smssafe.testing.RsaKeys;
import lt.smssafe.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /fortumo} and {@code /paysera} in a real Tomcat on a real MariaDB (docs/protocol.md §8): whole multi-message
 * sessions through each gateway, concurrent copies and retries through each, a database outage (503, never a 200,
 * whose body would be an SMS to the buyer), reversals of an open and of a closed session, test messages accepted
 * (Fortumo) and refused (Paysera), a sender the gateway could not identify, and hostile content on the pages. Every
 * test checks the database or the payment action's log, not just the answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewaysIT {
    private static final long SAFE = 5151;
    private static final String DATABASE = "gateways_it";
    private static final String FORTUMO_SECRET = "fortumo-it-secret";
    private static final String FORTUMO_SERVICE = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final long PAYSERA_PROJECT = 424242;
    private static final String PAYSERA_PASSWORD = "paysera-it-password";
    private static final KeyPair PAYSERA_KEYS = RsaKeys.generate();
    private static final TestData DATA = TestData.seededFor(GatewaysIT.class);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        Path key = TestWar.dataDir("gateways-it").resolveSibling("gateways-it-paysera.pem");
        Files.createDirectories(key.getParent());
        Files.writeString(key, PayseraKeys.pem(PAYSERA_KEYS.getPublic()));
        return TestWar.named("gateways-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", "gateways-it-passkey")
                .with("messages", "3")
                .with("delay", "PT3S")
                .with("action", RecordingAction.class.getName())
                .with("fortumo.secret", FORTUMO_SECRET)
                .with("fortumo.service-id", FORTUMO_SERVICE)
                .with("paysera.project-id", String.valueOf(PAYSERA_PROJECT))
                .with("paysera.password", PAYSERA_PASSWORD)
                .with("paysera.public-key", key.toUri().toString())
                .with("paysera.test", "reject")
                .withClasses(RecordingAction.class)
                .withMariaDb(DATABASE)
                .build();
    }

    private FakeLiveGateway.Fortumo fortumo() {
        return new FakeLiveGateway.Fortumo(URI.create(base + "fortumo"), FORTUMO_SECRET, FORTUMO_SERVICE);
    }

    private FakeLiveGateway.Paysera paysera() {
        return new FakeLiveGateway.Paysera(URI.create(base + "paysera"), PAYSERA_PROJECT, PAYSERA_PASSWORD,
                PAYSERA_KEYS.getPrivate());
    }

    private static List<List<String>> query(String sql, Object... args) {
        return DatabaseRows.query(DATABASE, sql, args);
    }

    /**
     * The attempts of the payment action for the session and whether it succeeded ({@code 1}), once they are one
     * successful attempt or after 10 s: the runner records the success after the action's log line.
     */
    private static List<List<String>> sessionActionRun(String code) throws InterruptedException {
        return DatabaseRows.await(List.of(List.of("1", "1")), DATABASE, "select attempts, succeeded_at is not null"
                + " from smssafe_action_run where safe_id = ? and kind = 'SMS_SESSION' and reference = ?", SAFE, code);
    }

    @Test
    void aWholeFortumoSessionWaitsClosesAndRunsTheActionOnceAndItsReversalIsToldOnce() throws Exception {
        FakeLiveGateway.Fortumo gateway = fortumo();
        String phone = DATA.phone();
        String content = "fortumo-" + phone;

        HttpResponse<String> first = gateway.send(gateway.message(DATA.id(), phone, content, "1.45", false));
        String code = code(first);
        gateway.send(gateway.message(DATA.id(), phone, content, "1.45", false));
        HttpResponse<String> early = gateway.send(gateway.message(DATA.id(), phone, content, "1.45", false));
        Thread.sleep(3_100);
        Map<String, String> lastMessage = gateway.message(DATA.id(), phone, content, "1.45", false);
        HttpResponse<String> last = gateway.send(lastMessage);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("your message is received, session " + code + " started");
        assertThat(early.body()).isEqualTo("error. your message cannot be processed (0 hours 1 minute left)");
        assertThat(last.body()).isEqualTo("your message is received, session " + code + " closed");
        assertThat(query("select dialect, provider, received_messages, total, closed_at is not null from smssafe_session"
                + " where code = ?", code)).containsExactly(List.of("fortumo", "tele2_lt", "3", "4.35", "1"));
        assertThat(query("select count(*) from smssafe_message where dialect = 'fortumo' and msisdn = ?", phone))
                .containsExactly(List.of("4"));
        assertThat(ActionLog.await(line -> line.startsWith(code + " "), 1))
                .containsExactly(code + " " + content + " 3 4.35 EUR OK");

        HttpResponse<String> confirmed = gateway.send(gateway.report(lastMessage, "ok"));
        HttpResponse<String> reversed = gateway.send(gateway.report(lastMessage, "failed"));
        HttpResponse<String> repeated = gateway.send(gateway.report(lastMessage, "failed"));

        assertThat(List.of(confirmed.statusCode(), reversed.statusCode(), repeated.statusCode()))
                .containsOnly(200);
        assertThat(List.of(confirmed.body(), reversed.body(), repeated.body())).containsOnly("OK");
        assertThat(ActionLog.await(line -> line.startsWith("reversed " + code), 1))
                .containsExactly("reversed " + code + " " + lastMessage.get("message_id") + " 1.45 EUR");
        assertThat(query("select closed_at is not null, reversed_total from smssafe_session where code = ?", code))
                .containsExactly(List.of("1", "1.45"));
        Thread.sleep(1_500);
        assertThat(ActionLog.lines(line -> line.startsWith("reversed " + code))).as("told once").hasSize(1);
        assertThat(ActionLog.lines(line -> line.startsWith(code + " "))).as("not run again once it succeeded")
                .hasSize(1);
        assertThat(sessionActionRun(code)).containsExactly(List.of("1", "1"));
        assertThat(AdminHttp.get(URI.create(base + "select"), AdminHttp.ADMIN).body())
                .contains("Reversed payments").contains(code);
    }

    @Test
    void aReversalOfAnOpenSessionTakesItsMessageBack() {
        FakeLiveGateway.Fortumo gateway = fortumo();
        String phone = DATA.phone();
        Map<String, String> first = gateway.message(DATA.id(), phone, "open-reversal", "1.45", false);
        String code = code(gateway.send(first));
        gateway.send(gateway.message(DATA.id(), phone, "open-reversal", "1.45", false));

        HttpResponse<String> reversed = gateway.send(gateway.report(first, "failed"));

        assertThat(reversed.body()).isEqualTo("OK");
        assertThat(query("select received_messages, total, wait_until is null from smssafe_session where code = ?",
                code)).containsExactly(List.of("1", "1.45", "1"));
        assertThat(query("select reversed_at is not null from smssafe_message where message_id = ?",
                first.get("message_id"))).containsExactly(List.of("1"));
    }

    @Test
    void aWholePayseraSessionAnswersOkAndTheReplyAndRunsTheActionOnce() throws Exception {
        FakeLiveGateway.Paysera gateway = paysera();
        String phone = DATA.phone();
        String content = "paysera-" + phone;

        HttpResponse<String> first = gateway.send(gateway.message(DATA.id(), phone, content, 145, false));
        String code = code(first);
        HttpResponse<String> second = gateway.sendEncrypted(gateway.message(DATA.id(), phone, content, 145, false));
        HttpResponse<String> early = gateway.send(gateway.message(DATA.id(), phone, content, 145, false));
        Thread.sleep(3_100);
        HttpResponse<String> last = gateway.send(gateway.message(DATA.id(), phone, content, 145, false));

        assertThat(first.body()).isEqualTo("OK your message is received, session " + code + " started");
        assertThat(second.body()).as("the encrypted form").startsWith("OK your message is received for session "
                + code + ", DO NOT send the last message");
        assertThat(early.body()).isEqualTo("OK error. your message cannot be processed (0 hours 1 minute left)");
        assertThat(last.body()).isEqualTo("OK your message is received, session " + code + " closed");
        assertThat(query("select dialect, content, received_messages, total from smssafe_session where code = ?", code))
                .containsExactly(List.of("paysera", content, "3", "4.35"));
        assertThat(ActionLog.await(line -> line.startsWith(code + " "), 1))
                .containsExactly(code + " " + content + " 3 4.35 EUR OK");
        Thread.sleep(1_500);
        assertThat(ActionLog.lines(line -> line.startsWith(code + " "))).as("not run again once it succeeded")
                .hasSize(1);
        assertThat(sessionActionRun(code)).containsExactly(List.of("1", "1"));
    }

    @Test
    void copiesOfOneMessageAtOnceAndALaterRetryAreCountedOnce() {
        FakeLiveGateway.Fortumo gateway = fortumo();
        Map<String, String> message = gateway.message(DATA.id(), DATA.phone(), "copies", "1.45", false);

        List<HttpResponse<String>> copies = Concurrently.run(12, i -> () -> gateway.send(message));
        HttpResponse<String> retry = gateway.send(message);

        assertThat(copies.stream().map(HttpResponse::body).distinct().toList()).hasSize(1);
        assertThat(retry.body()).isEqualTo(copies.get(0).body());
        assertThat(query("select count(*) from smssafe_message where message_id = ?", message.get("message_id")))
                .containsExactly(List.of("1"));
        assertThat(query("select received_messages from smssafe_session where code = ?", code(retry)))
                .containsExactly(List.of("1"));
    }

    @Test
    void copiesOfOnePayseraMessageAtOnceAndALaterRetryAreCountedOnce() {
        FakeLiveGateway.Paysera gateway = paysera();
        String phone = DATA.phone();
        Map<String, String> message = gateway.message(DATA.id(), phone, "copies", 145, false);

        List<HttpResponse<String>> copies = Concurrently.run(12, i -> () -> gateway.send(message));
        HttpResponse<String> retry = gateway.send(message);

        List<String> answers = copies.stream().map(r -> r.statusCode() + " " + r.body()).distinct().toList();
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0)).startsWith("200 OK your message is received, session ").endsWith(" started");
        assertThat(retry.statusCode() + " " + retry.body()).isEqualTo(answers.get(0));
        assertThat(query("select count(*) from smssafe_message where dialect = 'paysera' and message_id = ?",
                message.get("id"))).containsExactly(List.of("1"));
        assertThat(query("select code, received_messages from smssafe_session where dialect = 'paysera'"
                + " and msisdn = ?", phone)).containsExactly(List.of(code(retry), "1"));
    }

    @Test
    void aDatabaseOutageIsA503WithRetryAfterFromEitherGatewayAndTheRetryOnceItIsBackCountsOnce() {
        FakeLiveGateway.Fortumo fortumo = fortumo();
        FakeLiveGateway.Paysera paysera = paysera();
        String fortumoPhone = DATA.phone();
        String payseraPhone = DATA.phone();
        Map<String, String> fortumoMessage = fortumo.message(DATA.id(), fortumoPhone, "down", "1.45", false);
        Map<String, String> payseraMessage = paysera.message(DATA.id(), payseraPhone, "down", 145, false);
        List<HttpResponse<String>> down = MariaDbServer.get().whileStopped(() -> List.of(
                fortumo.send(fortumoMessage), paysera.send(payseraMessage)));

        for (HttpResponse<String> response : down) {
            assertThat(response.statusCode()).as("a 200 body would be an SMS to the buyer").isNotEqualTo(200)
                    .isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(response.body()).isEqualTo("try again later");
        }
        assertThat(query("select count(*) from smssafe_message where msisdn in (?, ?)", fortumoPhone, payseraPhone))
                .as("nothing kept").containsExactly(List.of("0"));
        assertThat(query("select count(*) from smssafe_session where msisdn in (?, ?)", fortumoPhone, payseraPhone))
                .as("nothing kept").containsExactly(List.of("0"));

        HttpResponse<String> fortumoRetry = fortumo.send(fortumoMessage);
        HttpResponse<String> payseraRetry = paysera.send(payseraMessage);

        assertThat(fortumoRetry.statusCode()).as("served again once the database is back").isEqualTo(200);
        assertThat(fortumoRetry.body()).isEqualTo("your message is received, session " + code(fortumoRetry)
                + " started");
        assertThat(payseraRetry.statusCode()).as("served again once the database is back").isEqualTo(200);
        assertThat(payseraRetry.body()).isEqualTo("OK your message is received, session " + code(payseraRetry)
                + " started");
        assertThat(query("select dialect, count(*) from smssafe_message where msisdn in (?, ?) group by dialect"
                + " order by dialect", fortumoPhone, payseraPhone))
                .containsExactly(List.of("fortumo", "1"), List.of("paysera", "1"));
        assertThat(query("select code, received_messages from smssafe_session where msisdn in (?, ?) order by dialect",
                fortumoPhone, payseraPhone))
                .containsExactly(List.of(code(fortumoRetry), "1"), List.of(code(payseraRetry), "1"));
    }

    @Test
    void testMessagesAreKeptApartWhereAcceptedAndRefusedWhereNot() {
        String phone = DATA.phone();
        HttpResponse<String> accepted = fortumo().send(fortumo().message(DATA.id(), phone, "test-pay", "1.45", true));
        String refusedId = DATA.id();
        HttpResponse<String> refused = paysera().send(paysera().message(refusedId, phone, "test-pay", 145, true));

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(query("select test from smssafe_session where code = ?", code(accepted)))
                .containsExactly(List.of("1"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("test messages refused");
        assertThat(query("select count(*) from smssafe_message where message_id = ?", refusedId))
                .containsExactly(List.of("0"));
    }

    @Test
    void aSenderTheGatewayCouldNotIdentifyIsKeptListedAndNotCounted() {
        String messageId = DATA.id();
        HttpResponse<String> response = fortumo().send(fortumo().message(messageId, "", "who-am-i", "1.45", false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("error. your number could not be identified, your message cannot be counted");
        assertThat(query("select session_id is null, outcome from smssafe_message where message_id = ?", messageId))
                .containsExactly(List.of("1", "UNIDENTIFIED"));
        assertThat(AdminHttp.get(URI.create(base + "select"), AdminHttp.ADMIN).body()).contains(messageId);
    }

    @Test
    void hostileContentFromEitherGatewayIsEscapedOnThePages() {
        String hostile = "<script>alert(1)</script>";
        String fortumoCode = code(fortumo().send(fortumo().message(DATA.id(), DATA.phone(), hostile, "1.45", false)));
        String payseraCode = code(paysera().send(paysera().message(DATA.id(), DATA.phone(), hostile + "&x", 145,
                false)));

        String select = AdminHttp.get(URI.create(base + "select"), AdminHttp.ADMIN).body();
        assertThat(select).contains(fortumoCode, payseraCode).doesNotContain(hostile)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        for (String code : List.of(fortumoCode, payseraCode)) {
            String status = AdminHttp.get(URI.create(base + "check?session=" + code), null).body();
            // the status page carries the content only inside its pay link, URL-encoded
            assertThat(status).doesNotContain(hostile)
                    .containsIgnoringCase("content=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        }
    }

    /**
     * Issue 21's Fortumo re-cuts of one delivered request, sent with its captured {@code sig}: the buyer's text
     * {@code Xmessage_id=A1message_idz=} read as {@code message=X}, {@code message_id=A1} and an unknown
     * {@code message_idz} holding the real {@code message_id=…}; and the real id taking the start of the next name
     * ({@code message_id=<id>o}, {@code perator=…}). Each is a 400 naming the name, and only the delivered message
     * is stored.
     */
    @Test
    void fortumoReCutsOfADeliveredRequestAreRefusedAndKeepNothing() {
        FakeLiveGateway.Fortumo gateway = fortumo();
        String phone = DATA.phone();
        String messageId = DATA.id();
        Map<String, String> captured = gateway.message(messageId, phone, "Xmessage_id=A1message_idz=", "1.45",
                false);
        String sig = gateway.sig(captured);
        Map<String, String> issues = new java.util.LinkedHashMap<>(captured);
        issues.put("message", "X");
        issues.put("message_id", "A1");
        issues.put("message_idz", "message_id=" + messageId);
        Map<String, String> perator = new java.util.LinkedHashMap<>(captured);
        perator.remove("operator");
        perator.put("message_id", messageId + "o");
        perator.put("perator", captured.get("operator"));

        HttpResponse<String> delivered = gateway.sendWithSig(captured, sig);
        HttpResponse<String> first = gateway.sendWithSig(issues, sig);
        HttpResponse<String> second = gateway.sendWithSig(perator, sig);

        assertThat(gateway.sig(issues)).as("the same signed string").isEqualTo(sig);
        assertThat(gateway.sig(perator)).as("the same signed string").isEqualTo(sig);
        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(List.of(first, second)).extracting(r -> r.statusCode() + " " + r.body())
                .containsExactly("400 bad request: message_idz", "400 bad request: perator");
        assertThat(query("select message_id from smssafe_message where dialect = 'fortumo' and (msisdn = ?"
                + " or message_id in (?, ?))", phone, "A1", messageId + "o")).containsExactly(List.of(messageId));
    }

    /**
     * Issue 21's Paysera downgrade: with {@code paysera.public-key} set, a callback carrying only {@code ss1} (which
     * the project password alone makes) is {@code 403 checksum failed} and stores nothing; the same message signed
     * with {@code ss3} alone is accepted.
     */
    @Test
    void withThePublicKeySetAPayseraCallbackWithOnlySs1IsRefusedAndWithSs3Accepted() {
        FakeLiveGateway.Paysera gateway = paysera();
        String messageId = DATA.id();
        Map<String, String> message = gateway.message(messageId, DATA.phone(), "downgrade", 145, false);

        HttpResponse<String> ss1Only = gateway.sendWith(message, "ss1");
        List<List<String>> afterSs1 = query("select count(*) from smssafe_message where dialect = 'paysera'"
                + " and message_id = ?", messageId);
        HttpResponse<String> ss3Only = gateway.sendWith(message, "ss3");

        assertThat(ss1Only.statusCode() + " " + ss1Only.body()).isEqualTo("403 checksum failed");
        assertThat(afterSs1).containsExactly(List.of("0"));
        assertThat(ss3Only.statusCode()).isEqualTo(200);
        assertThat(ss3Only.body()).startsWith("OK your message is received");
        assertThat(query("select count(*) from smssafe_message where dialect = 'paysera' and message_id = ?",
                messageId)).containsExactly(List.of("1"));
    }

    @Test
    void aForgedRequestIsRefusedAndKeepsNothing() {
        FakeLiveGateway.Fortumo forger = new FakeLiveGateway.Fortumo(URI.create(base + "fortumo"), "guessed-secret",
                FORTUMO_SERVICE);
        String messageId = DATA.id();

        HttpResponse<String> response = forger.send(forger.message(messageId, DATA.phone(), "forged", "1.45", false));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("checksum failed");
        assertThat(query("select count(*) from smssafe_message where message_id = ?", messageId))
                .containsExactly(List.of("0"));
    }
}
