package lt.smssafe.it.pages;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.DatabaseRows;
import lt.smssafe.it.RecordingAction;
import lt.smssafe.it.TestWar;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.Browser;
import lt.smssafe.testing.FakeSmsSafeGateway;
import lt.smssafe.testing.TestData;
import lt.smssafe.testing.WebhookReceiver;
import lt.smssafe.webhook.WebhookEvent;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The webhook as a site owner meets it in a real Tomcat, one deployment per way a receiver fails (docs/protocol.md
 * §10): a session closed through the sms:safe gateway, the receiver's requests as they arrive (the pauses between
 * attempts, the same {@code SmsSafe-Event} id on each), and what {@code /select}, {@code /payment?code=} and the
 * dashboard say meanwhile: the attempts and the last error while it is retried; gone from the list once delivered;
 * given up with <em>Send again</em>, which only the admin can press, only from the page's own form, and which
 * delivers the same event; Chromium shows that section at a phone's and a laptop's width.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookAdminIT {
    private static final long SAFE = 7474;
    private static final String PASSKEY = "webhook-admin-it-7474";
    private static final String SECRET = "webhook-admin-it-secret-0123456789abcdef";
    private static final TestData DATA = TestData.seededFor(WebhookAdminIT.class);
    private static final String ERRORS = "hookadmin-500";
    private static final String ERRORS_DATABASE = "hookadmin_500";
    private static final String TIMEOUT = "hookadmin-timeout";
    private static final String REFUSED = "hookadmin-refused";
    private static final String REDIRECT = "hookadmin-redirect";
    private static final String THIRD_TRY = "hookadmin-third";
    /** Where the tests reach the deployments: Tomcat's connector, as Arquillian's managed Tomcat runs it. */
    private static final String TOMCAT = "http://127.0.0.1:8080";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");

    private static final WebhookReceiver ANSWERS_500 = WebhookReceiver.start().answer(500);
    private static final WebhookReceiver NEVER_IN_TIME = WebhookReceiver.start().waiting(Duration.ofSeconds(15));
    private static final WebhookReceiver REDIRECTS = WebhookReceiver.start().answer(302);
    private static final WebhookReceiver REDIRECT_TARGET = WebhookReceiver.start();
    private static final WebhookReceiver THIRD_TIME_LUCKY = WebhookReceiver.start().answer(500, 503, 200);
    /** A loopback port nothing listens on: taken from the system, then closed. */
    private static final int CLOSED_PORT = closedPort();

    @ArquillianResource
    private Deployer deployer;

    /** The deployment of the test running now, undeployed after it: its runner stops retrying. */
    private String deployed;

    private void deploy(String name) {
        deployer.deploy(name);
        deployed = name;
    }

    @AfterEach
    void undeploy() {
        if (deployed != null) {
            deployer.undeploy(deployed);
        }
    }

    @AfterAll
    static void stopReceivers() {
        for (WebhookReceiver receiver : List.of(ANSWERS_500, NEVER_IN_TIME, REDIRECTS, REDIRECT_TARGET,
                THIRD_TIME_LUCKY)) {
            receiver.close();
        }
    }

    private static TestWar war(String name, URI webhook) {
        return TestWar.named(name)
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("messages", "1")
                .with("delay", "0")
                .with("webhook.url", webhook.toString())
                .with("webhook.secret", SECRET);
    }

    /** On MariaDB: this test reaches into the database to give its event up (see below). */
    @Deployment(name = ERRORS, managed = false, testable = false)
    static WebArchive answering500() {
        return war(ERRORS, ANSWERS_500.url()).withMariaDb(ERRORS_DATABASE).build();
    }

    @Deployment(name = TIMEOUT, managed = false, testable = false)
    static WebArchive neverAnsweringInTime() {
        return war(TIMEOUT, NEVER_IN_TIME.url()).build();
    }

    @Deployment(name = REFUSED, managed = false, testable = false)
    static WebArchive refused() {
        return war(REFUSED, URI.create("http://127.0.0.1:" + CLOSED_PORT + "/hook")).build();
    }

    @Deployment(name = REDIRECT, managed = false, testable = false)
    static WebArchive redirecting() {
        REDIRECTS.redirectingTo(REDIRECT_TARGET.url());
        return war(REDIRECT, REDIRECTS.url()).build();
    }

    /** With a Java action too: both targets, each in its own section of /select. */
    @Deployment(name = THIRD_TRY, managed = false, testable = false)
    static WebArchive answering2xxOnTheThirdTry() {
        return war(THIRD_TRY, THIRD_TIME_LUCKY.url()).with("action", RecordingAction.class.getName())
                .withClasses(RecordingAction.class).build();
    }

    @Test
    void aReceiverAnswering500IsRetriedWithTheSameEventThenGivenUpAndTheAdminSendsItAgain() throws Exception {
        deploy(ERRORS);
        String code = closeSession(ERRORS, "order-500");
        String eventId = WebhookEvent.idOf(SAFE, WebhookEvent.SESSION_CLOSED, code);
        List<WebhookReceiver.Received> attempts = threeAttempts(ANSWERS_500, code);

        String retried = section(admin(ERRORS, "select").body(), "webhook-pending");
        assertThat(retried).contains(">" + code + "</a>", eventId, "session.closed",
                "class=\"error-text last-error\">HTTP 500<").doesNotContain("WebhookDeliveryException");
        assertThat(attemptsShown(retried)).isGreaterThanOrEqualTo(3);
        assertThat(admin(ERRORS, "select").body()).contains("id=\"no-webhook-failed\"");
        assertThat(admin(ERRORS, "dashboard").body()).doesNotContain("id=\"webhooks-failed\"")
                .as("the owed card names the error as /select does").contains(code + ": HTTP 500</p>");

        // 3 days of failures cannot be waited for here, and the engine's own tests give a run up after them
        // (WebhookDeliveryTest). This run has really failed three times and more against a receiver answering
        // 500; it is given up as the runner would after its 84th attempt: failed_at set, not while an attempt
        // holds its claim (locked_until), after which no runner claims it again
        long run = givenUp(code);
        int attemptsBefore = ANSWERS_500.received().size();
        Thread.sleep(500);
        assertThat(ANSWERS_500.received()).as("a given-up event is not tried again").hasSize(attemptsBefore);
        ANSWERS_500.answer(200);

        String page = admin(ERRORS, "select").body();
        String givenUp = section(page, "webhook-given-up");
        assertThat(givenUp).contains("data-run=\"" + run + "\"", ">" + code + "</a>", eventId,
                "class=\"error-text last-error\">HTTP 500<", "name=\"run\" value=\"" + run + "\"",
                "<button type=\"submit\">Send again</button>");
        assertThat(attemptsShown(givenUp)).isEqualTo(attemptsBefore);
        assertThat(page).as("no longer among those being retried").contains("id=\"no-webhook-pending\"");
        assertThat(admin(ERRORS, "dashboard").body()).contains("id=\"webhooks-failed\"",
                "1 webhook event failed for good — see /select", "/select#webhook-failed");
        assertThat(admin(ERRORS, "dashboard?lang=lt").body()).contains(
                "Galutinai nepristatyti webhook įvykiai: 1");
        assertThat(admin(ERRORS, "dashboard?lang=ru").body()).contains(
                "Окончательно не доставленные события вебхука: 1");
        looksRightInChromium(ERRORS);

        String sendAgain = "action=send-again&run=" + run;
        assertThat(post(ERRORS, null, null, sendAgain).statusCode()).as("without a login").isEqualTo(401);
        assertThat(post(ERRORS, AdminHttp.VISITOR, null, sendAgain).statusCode()).as("without the admin role")
                .isEqualTo(403);
        AdminBrowser browser = AdminBrowser.open(ERRORS);
        assertThat(browser.post(sendAgain).statusCode()).as("the form without its CSRF token").isEqualTo(403);
        assertThat(browser.post(sendAgain + "&csrf=" + "0".repeat(64)).statusCode()).as("a wrong token")
                .isEqualTo(403);
        Thread.sleep(500);
        assertThat(ANSWERS_500.received()).as("nothing sent by a refused form").hasSize(attemptsBefore);
        assertThat(givenUpIds(ERRORS)).containsExactly(run);

        HttpResponse<String> sent = browser.post(sendAgain + "&csrf=" + browser.token());
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).contains("/" + ERRORS + "/select#webhook");
        List<WebhookReceiver.Received> all = awaitRequests(ANSWERS_500, attemptsBefore + 1,
                Duration.ofSeconds(10));
        assertThat(all.get(attemptsBefore).header("SmsSafe-Event")).as("the same event id").isEqualTo(eventId);
        assertThat(all.get(attemptsBefore).text()).as("the same event").isEqualTo(attempts.get(0).text());
        assertThat(DatabaseRows.await(List.of(List.of("1", "1", "0")), ERRORS_DATABASE, "select attempts,"
                + " succeeded_at is not null, failed_at is not null from smssafe_action_run where id = ?", run))
                .as("delivered at its first attempt since sent again").containsExactly(List.of("1", "1", "0"));

        String after = browser.get("select").body();
        assertThat(after).contains("id=\"sent-again\"", eventId, "Delivered").contains("id=\"no-webhook-failed\"")
                .contains("id=\"no-webhook-pending\"");
        assertThat(browser.get("select").body()).as("the confirmation is shown once")
                .doesNotContain("id=\"sent-again\"");
        assertThat(admin(ERRORS, "dashboard").body()).doesNotContain("id=\"webhooks-failed\"");
        awaitDelivered(ERRORS, code, 1);

        HttpResponse<String> again = browser.post(sendAgain + "&csrf=" + browser.token());
        assertThat(again.statusCode()).as("a delivered event is not sent again").isEqualTo(409);
        assertThat(again.body()).contains("id=\"send-again-refused\"", eventId + " was delivered meanwhile");
        HttpResponse<String> unknown = post(ERRORS, AdminHttp.ADMIN, null, "action=send-again&run=987654321");
        assertThat(unknown.statusCode() + " " + unknown.body()).isEqualTo(
                "404 Nothing sent: no webhook event has the number 987654321.\n");
        assertThat(post(ERRORS, AdminHttp.ADMIN, null, "action=send-again&run=x").statusCode()).isEqualTo(400);
        assertThat(post(ERRORS, AdminHttp.ADMIN, null, "action=other&run=" + run).statusCode()).isEqualTo(400);
        assertThat(ANSWERS_500.received()).hasSize(attemptsBefore + 1);
    }

    @Test
    void aReceiverThatNeverAnswersWithinTenSecondsIsCutOffAndRetried() throws Exception {
        deploy(TIMEOUT);
        String code = closeSession(TIMEOUT, "order-slow");
        List<WebhookReceiver.Received> attempts = awaitRequests(NEVER_IN_TIME, 2, Duration.ofSeconds(25));
        double gap = seconds(attempts.get(1).arrivedNanos() - attempts.get(0).arrivedNanos());
        assertThat(gap).as("10 s for the answer that never came, then a pause of 1 s").isBetween(10.5, 13.0);
        assertOneEvent(attempts, code);

        String retried = section(admin(TIMEOUT, "select").body(), "webhook-pending");
        assertThat(retried).contains(">" + code + "</a>", "class=\"error-text last-error\">no answer within 10 s<");
        assertThat(attemptsShown(retried)).as("the second attempt is under way").isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsRetried() throws Exception {
        deploy(REFUSED);
        String code = closeSession(REFUSED, "order-refused");
        String retried = awaitPending(REFUSED, code, row -> attemptsShown(row) >= 3);
        assertThat(retried).contains("class=\"error-text last-error\">connection refused<",
                WebhookEvent.idOf(SAFE, WebhookEvent.SESSION_CLOSED, code));
    }

    @Test
    void aRedirectIsNotFollowedAndIsRetried() throws Exception {
        deploy(REDIRECT);
        String code = closeSession(REDIRECT, "order-redirect");
        threeAttempts(REDIRECTS, code);
        assertThat(REDIRECT_TARGET.received()).as("the redirect's target").isEmpty();
        String retried = section(admin(REDIRECT, "select").body(), "webhook-pending");
        assertThat(retried).contains(">" + code + "</a>",
                "class=\"error-text last-error\">redirect (302) not followed<");
        assertThat(attemptsShown(retried)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aReceiverAnswering2xxOnTheThirdTryHasTheEventDeliveredAndTheJavaActionKeepsItsOwnSection()
            throws Exception {
        deploy(THIRD_TRY);
        // the Java action fails for good on this content: its run stays in its own section
        String code = closeSession(THIRD_TRY, "fail-always-third");
        threeAttempts(THIRD_TIME_LUCKY, code);

        awaitDelivered(THIRD_TRY, code, 3);
        String page = admin(THIRD_TRY, "select").body();
        assertThat(page).contains("id=\"no-webhook-pending\"", "id=\"no-webhook-failed\"");
        assertThat(page).contains("Java payment action: runs not yet succeeded");
        assertThat(section(page, "actions")).contains(code, "the shop is down for " + code);
        assertThat(THIRD_TIME_LUCKY.received()).as("never again once delivered").hasSize(3);
    }

    /** The webhook's run on /payment?code=, once it shows it delivered after this many attempts (within 10 s). */
    private String awaitDelivered(String deployment, String code, int attempts) throws InterruptedException {
        Pattern delivered = Pattern.compile("<td>webhook</td>\\s*<td>" + attempts + "</td>\\s*<td>[^<]*\\d{4}");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String runs = section(admin(deployment, "payment?code=" + code).body(), "runs");
        while (!delivered.matcher(runs).find() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            runs = section(admin(deployment, "payment?code=" + code).body(), "runs");
        }
        assertThat(runs).as("the webhook delivered at attempt %d", attempts).containsPattern(delivered);
        return runs;
    }

    /** At 390 and 1280 px: /select's webhook section and the dashboard's warning fit the window; screenshots. */
    private static void looksRightInChromium(String deployment) {
        String admin = TOMCAT.replace("://", "://admin:admin-secret@") + "/" + deployment + "/";
        try (Browser browser = Browser.start("webhook-admin")) {
            WebDriver page = browser.driver();
            for (int width : new int[] {390, 1280}) {
                page.manage().window().setSize(new Dimension(width, 900));
                page.get(admin + "select");
                assertThat(page.findElements(By.cssSelector("#webhook-given-up button"))).hasSize(1);
                assertFits(page, "/select", width);
                ((JavascriptExecutor) page).executeScript("document.getElementById('webhook').scrollIntoView()");
                browser.screenshot("select-webhook-" + width);
                page.get(admin + "dashboard");
                assertThat(page.findElement(By.id("webhooks-failed")).isDisplayed()).isTrue();
                assertFits(page, "/dashboard", width);
                browser.screenshot("dashboard-webhooks-failed-" + width);
            }
        }
    }

    /**
     * Nothing wider than the window, and nothing wider than the page beside the window's scroll bar either (which
     * {@link Browser#overflow} counts as width): no horizontal scroll bar.
     */
    private static void assertFits(WebDriver page, String name, int width) {
        assertThat(Browser.overflow(page)).as("%s at %d px: wider than the window by", name, width).isZero();
        Number beside = (Number) ((JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(beside.longValue()).as("%s at %d px: wider than the page's width by", name, width).isZero();
    }

    /** Gives up the webhook's run of this session as the runner would, between two attempts; returns its id. */
    private static long givenUp(String code) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (DatabaseRows.update(ERRORS_DATABASE, "update smssafe_action_run set failed_at = ? where safe_id = ?"
                + " and target = 'WEBHOOK' and reference = ? and succeeded_at is null and failed_at is null"
                + " and locked_until is null", System.currentTimeMillis(), SAFE, code) == 0) {
            assertThat(System.nanoTime()).as("the run is between two attempts within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        return givenUpIds(ERRORS).get(0);
    }

    private static List<Long> givenUpIds(String deployment) {
        return DatabaseRows.query(ERRORS_DATABASE, "select id from smssafe_action_run where safe_id = ?"
                + " and target = 'WEBHOOK' and failed_at is not null", SAFE).stream()
                .map(row -> Long.parseLong(row.get(0))).toList();
    }

    /**
     * The first three deliveries of this session's event, once they have arrived (within 30 s): one event, ~1 s then
     * ~2 s apart, the payment action's first pauses (plus the attempt itself and the runner's wake-up).
     */
    private static List<WebhookReceiver.Received> threeAttempts(WebhookReceiver receiver, String code)
            throws InterruptedException {
        List<WebhookReceiver.Received> attempts = awaitRequests(receiver, 3, Duration.ofSeconds(30));
        double first = seconds(attempts.get(1).arrivedNanos() - attempts.get(0).arrivedNanos());
        double second = seconds(attempts.get(2).arrivedNanos() - attempts.get(1).arrivedNanos());
        assertThat(first).as("the pause after the first attempt").isBetween(0.9, 1.9);
        assertThat(second).as("the pause after the second attempt").isBetween(1.9, 2.9);
        assertOneEvent(attempts, code);
        return attempts;
    }

    /** Every delivery is this session's {@code session.closed}: the same {@code SmsSafe-Event} id and body. */
    private static void assertOneEvent(List<WebhookReceiver.Received> attempts, String code) {
        assertThat(attempts).extracting(r -> r.header("SmsSafe-Event")).containsOnly(
                WebhookEvent.idOf(SAFE, WebhookEvent.SESSION_CLOSED, code));
        assertThat(attempts).extracting(WebhookReceiver.Received::text).containsOnly(attempts.get(0).text());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** A session of one message, paid through the sms:safe gateway: it closes at once and owes the webhook. */
    private static String closeSession(String deployment, String content) {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base(deployment) + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY);
        HttpResponse<String> answer = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), DATA.phone(),
                content));
        assertThat(answer.statusCode()).isEqualTo(200);
        return code(answer);
    }

    private static List<WebhookReceiver.Received> awaitRequests(WebhookReceiver receiver, int count,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (receiver.received().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(receiver.received()).as("requests within %s", timeout).hasSizeGreaterThanOrEqualTo(count);
        return receiver.received();
    }

    /** The row of this session among the events being retried, once it satisfies the condition (within 20 s). */
    private String awaitPending(String deployment, String code, Predicate<String> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String row = "";
        while (System.nanoTime() < deadline) {
            row = section(admin(deployment, "select").body(), "webhook-pending");
            if (row.contains(">" + code + "</a>") && condition.test(row)) {
                return row;
            }
            Thread.sleep(200);
        }
        assertThat(row).as("the event of %s being retried, as expected, within 20 s", code).isEqualTo("");
        return row;
    }

    /** The element with this id, from its start tag to the end of its table (every such section is a table). */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        if (start < 0) {
            return "";
        }
        int end = page.indexOf("</table>", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    /** The attempts shown in the first row of a section. */
    private static int attemptsShown(String section) {
        Matcher attempts = Pattern.compile("class=\"attempts\">(\\d+)<").matcher(section);
        assertThat(attempts.find()).as("attempts in %s", section).isTrue();
        return Integer.parseInt(attempts.group(1));
    }

    private static String base(String deployment) {
        return TOMCAT + "/" + deployment + "/";
    }

    private HttpResponse<String> admin(String deployment, String pathAndQuery) {
        return AdminHttp.get(URI.create(base(deployment) + pathAndQuery), AdminHttp.ADMIN);
    }

    /** A POST as a script sends it: credentials (or none), no cookie, no Origin. */
    private static HttpResponse<String> post(String deployment, String credentials, String cookie, String form) {
        HttpRequest.Builder request = AdminHttp.request(URI.create(base(deployment) + "select"), credentials)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(AdminHttp.form(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return AdminHttp.send(request);
    }

    /**
     * The admin in a browser: the session cookie and form token of a /select page, sent back with its forms. As a
     * browser does, it keeps the cookie each answer sets: Tomcat gives the session a new id when it first
     * authenticates a request of it.
     */
    private static final class AdminBrowser {
        private final String deployment;
        private final String token;
        private String cookie;

        private AdminBrowser(String deployment, String token, HttpResponse<String> page) {
            this.deployment = deployment;
            this.token = token;
            keepCookie(page);
        }

        static AdminBrowser open(String deployment) {
            HttpResponse<String> page = AdminHttp.get(URI.create(base(deployment) + "select"), AdminHttp.ADMIN);
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("the form's token").isTrue();
            return new AdminBrowser(deployment, token.group(1), page);
        }

        String token() {
            return token;
        }

        HttpResponse<String> get(String pathAndQuery) {
            return keepCookie(AdminHttp.send(AdminHttp.request(URI.create(base(deployment) + pathAndQuery),
                    AdminHttp.ADMIN).header("Accept", "text/html").header("Cookie", cookie).GET()));
        }

        HttpResponse<String> post(String form) {
            return keepCookie(AdminHttp.send(AdminHttp.request(URI.create(base(deployment) + "select"),
                    AdminHttp.ADMIN).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").header("Origin", TOMCAT).header("Cookie", cookie)
                    .POST(AdminHttp.form(form))));
        }

        private HttpResponse<String> keepCookie(HttpResponse<String> answer) {
            answer.headers().firstValue("Set-Cookie").ifPresent(set -> cookie = set.split(";", 2)[0]);
            return answer;
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
