package lt.smssafe.it.deploy;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import lt.smssafe.action.RetrySchedule;
import lt.smssafe.demo.Demo;
import lt.smssafe.it.RawHttp;
import lt.smssafe.testing.Browser;
import lt.smssafe.testing.Folders;
import lt.smssafe.testing.TestData;
import lt.smssafe.testing.WebhookContract;
import lt.smssafe.webhook.WebhookEvent;
import lt.smssafe.webhook.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo (docs/demo.md), end to end, in a real headless Chromium: the same {@link Demo} the run command starts (a
 * Tomcat of its own with the production WAR on H2, the sandbox beside it), on other ports so that it can run beside
 * the in-container tests' Tomcat, with a 10 s delay. A newcomer's story: pay a session from the test phone, watch
 * its status page, see it on the admin page, see what the payment action received; then charge by MBS. Every
 * payment also arrives at the sandbox's webhook receiver, verified there; switched to fail, it gets the same event
 * again and again with growing pauses (and {@code /select} shows it owed) until switched back. At the end Tomcat is
 * stopped as Ctrl+C would and must stop cleanly. Screenshots land in {@code target/screenshots/demo}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoStoryIT {
    private static final Duration DELAY = Duration.ofSeconds(10);
    private static final Path WORK = Path.of("target", "demo-story").toAbsolutePath();
    private static final Path TOMCAT_LOG = WORK.resolve("tomcat.log");

    private static Demo demo;
    private static Browser browser;

    @BeforeAll
    static void startDemo() throws Exception {
        Folders.deleteTree(WORK);
        Files.createDirectories(WORK);
        demo = Demo.start(new Demo.Settings(Path.of(System.getProperty("tomcat.home")),
                Path.of(System.getProperty("smssafe.war")), WORK, WORK.resolve("data"), 18080, 18081, DELAY,
                ProcessBuilder.Redirect.to(TOMCAT_LOG.toFile())));
        browser = Browser.start("demo");
    }

    @AfterAll
    static void stopDemo() {
        if (browser != null) {
            browser.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void aNewcomerPaysASessionFromTheTestPhoneAndSeesWhatTheActionReceived() throws Exception {
        WebDriver page = browser.driver();
        String text = primerText(page, "order-77", "tele2_lt", "smssafe");
        assertThat(text).isEqualTo("SAFE 1234 order-77");
        page.get(demo.sandbox().toString());
        clickAndWait(page, By.id("start-phone"), By.id("send"));
        page.findElement(By.id("msisdn")).clear();
        page.findElement(By.id("msisdn")).sendKeys("37069990077");
        new Select(page.findElement(By.id("operator"))).selectByValue("lt/tele2_lt");
        page.findElement(By.id("text")).clear();
        page.findElement(By.id("text")).sendKeys(text);
        browser.screenshot("1-phone");

        long firstSentAt = System.nanoTime();
        String first = send(page, 1);
        assertThat(first).contains("DO NOT send the last message (0 hours 1 minute left)");
        String code = code(first);
        String statusUrl = page.findElement(By.cssSelector("#latest a.status")).getAttribute("href");
        assertThat(statusUrl).isEqualTo(demo.app() + "check?session=" + code);
        browser.screenshot("2-started");

        String tooEarly = send(page, 2);
        assertThat(tooEarly).isEqualTo("error. your message cannot be processed (0 hours 1 minute left)");
        browser.screenshot("3-rejected");

        String phone = page.getCurrentUrl();
        page.get(statusUrl);
        assertThat(state(page)).isEqualTo("waiting");
        assertThat(page.findElement(By.id("received")).getText()).isEqualTo("1 / 2");
        browser.screenshot("4-status-waiting");

        page.get(demo.app().toString().replace("://", "://admin:admin-secret@") + "select");
        assertThat(page.findElement(By.tagName("body")).getText()).contains(code, "waiting");
        browser.screenshot("5-select");

        Thread.sleep(Math.max(0, DELAY.toMillis() - (System.nanoTime() - firstSentAt) / 1_000_000 + 500));
        page.get(phone);
        String last = send(page, 3);
        assertThat(last).isEqualTo("your message is received, session " + code + " closed");
        browser.screenshot("6-closed");

        page.get(statusUrl);
        assertThat(state(page)).isEqualTo("closed");
        assertThat(page.findElement(By.id("paid")).getText()).isEqualTo("4.00 EUR");
        browser.screenshot("7-status-closed");

        page.get(demo.sandbox().resolve("payments").toString());
        WebElement payment = awaitPayment(page, "code", code);
        assertThat(field(payment, "content")).isEqualTo("order-77");
        assertThat(field(payment, "messages")).isEqualTo("2");
        assertThat(field(payment, "total")).isEqualTo("4.00");
        assertThat(field(payment, "msisdn")).isEqualTo("37069990077");
        browser.screenshot("8-payments");

        // the same payment as the demo's webhook: signed, POSTed to the sandbox's receiver, verified there
        page.get(demo.sandbox().toString());
        clickAndWait(page, By.id("start-webhooks"), By.id("mode"));
        String id = WebhookContract.eventId(Demo.SAFE, WebhookEvent.SESSION_CLOSED, code);
        WebElement delivery = awaitDelivery(page, id, 200);
        assertThat(delivery.getAttribute("data-verified")).isEqualTo("true");
        assertThat(delivery.findElement(By.className("type")).getText()).isEqualTo("session.closed");
        assertThat(delivery.findElement(By.className("answer")).getText()).isEqualTo("200 accepted");
        assertThat(delivery.getText()).contains("signature verified", "first delivery of this event");
        assertThat(delivery.findElement(By.cssSelector("pre.body")).getText()).contains("\"code\" : \"" + code
                + "\"", "\"content\" : \"order-77\"", "\"total\" : \"4.00\"");
        assertThat(delivery.findElement(By.cssSelector("table.headers")).getText())
                .contains("SmsSafe-Event " + id,
                        "User-Agent sms:safe for Java");
        browser.screenshot("8-webhooks");
    }

    @Test
    @Order(2)
    void aBuyerPaysThroughFortumoAndAFailedBillingReportReversesThePayment() throws Exception {
        WebDriver page = browser.driver();
        // Fortumo's own service-data XML (the sandbox's, the demo's fortumo.rates.url) gives number and keyword
        String text = primerText(page, "order-88", "tele2_lt", "fortumo");
        assertThat(text).isEqualTo("TXT SAFE order-88");
        assertThat(page.findElement(By.id("shortcode")).getText()).isEqualTo("1311");
        assertThat(page.findElement(By.id("promotional-text")).getText()).contains("Mobile Payment by fortumo.com");
        browser.screenshot("9-primer-fortumo");
        page.get(demo.sandbox().resolve("phone").toString());
        page.findElement(By.id("msisdn")).clear();
        page.findElement(By.id("msisdn")).sendKeys("37069990088");
        new Select(page.findElement(By.id("gateway"))).selectByValue("fortumo");
        new Select(page.findElement(By.id("operator"))).selectByValue("lt/tele2_lt");
        assertThat(page.findElement(By.id("text")).getAttribute("value")).as("the phone's text for Fortumo")
                .isEqualTo("TXT SAFE order-42");
        page.findElement(By.id("text")).clear();
        page.findElement(By.id("text")).sendKeys(text);

        long sentAt = System.nanoTime();
        String first = send(page, 1);
        assertThat(first).contains("DO NOT send the last message");
        String code = code(first);
        assertThat(new Select(page.findElement(By.id("gateway"))).getFirstSelectedOption().getAttribute("value"))
                .as("the page keeps the gateway").isEqualTo("fortumo");
        Thread.sleep(Math.max(0, DELAY.toMillis() - (System.nanoTime() - sentAt) / 1_000_000 + 500));
        assertThat(send(page, 2)).isEqualTo("your message is received, session " + code + " closed");
        browser.screenshot("10-fortumo-closed");
        String phone = page.getCurrentUrl();
        page.get(demo.sandbox().resolve("payments").toString());
        assertThat(field(awaitPayment(page, "code", code), "content")).as("what the action got through Fortumo")
                .isEqualTo("order-88");
        page.get(phone);

        page.findElement(By.id("billing-failed")).click();
        Browser.awaitOnReloadingPage(page, Duration.ofSeconds(20),
                d -> d.findElement(By.cssSelector("#latest .text")).getText().contains("The site answered 200 OK"));
        page.get(demo.app().toString().replace("://", "://admin:admin-secret@") + "select");
        WebElement reversed = page.findElement(By.id("reversed"));
        assertThat(reversed.getText()).contains(code, "fortumo");
        browser.screenshot("11-select-reversed");

        page.get(demo.sandbox().resolve("payments").toString());
        WebElement reversal = awaitPayment(page, "amount", "2.00");
        assertThat(field(reversal, "code")).isEqualTo(code);
        assertThat(field(reversal, "amount")).isEqualTo("2.00");
        browser.screenshot("12-payments-reversed");
    }

    @Test
    @Order(3)
    void aBuyerPaysThroughPayseraAndTheActionGetsWhatFollowsTheKeyword() throws Exception {
        WebDriver page = browser.driver();
        String text = primerText(page, "order-99", "bite_lt", "paysera");
        assertThat(text).isEqualTo("SAFE order-99");
        page.get(demo.sandbox().resolve("phone").toString());
        page.findElement(By.id("msisdn")).clear();
        page.findElement(By.id("msisdn")).sendKeys("37069990099");
        new Select(page.findElement(By.id("gateway"))).selectByValue("paysera");
        new Select(page.findElement(By.id("operator"))).selectByValue("lt/bite_lt");
        assertThat(page.findElement(By.id("text")).getAttribute("value")).as("the phone's text for Paysera")
                .isEqualTo("SAFE order-42");
        page.findElement(By.id("text")).clear();
        page.findElement(By.id("text")).sendKeys(text);

        String reply = send(page, 1);
        assertThat(reply).as("without Paysera's OK").matches("your message is received, session "
                + TestData.CODE + " started");
        browser.screenshot("13-paysera-started");
        String code = code(reply);
        send(page, 2);
        send(page, 3);
        Thread.sleep(DELAY.toMillis() + 500);   // the wait runs from the message before the last, just answered
        assertThat(send(page, 4)).isEqualTo("your message is received, session " + code + " closed");

        page.get(demo.sandbox().resolve("payments").toString());
        assertThat(field(awaitPayment(page, "code", code), "content")).as("what the action got through Paysera")
                .isEqualTo("order-99");
    }

    @Test
    @Order(4)
    void aSiteChargesAnAccountByMbsAndTheActionReceivesTheCommittedTransaction() {
        WebDriver page = browser.driver();
        page.get(demo.sandbox().toString());
        clickAndWait(page, By.linkText("Charge by MBS"), By.id("bill"));
        new Select(page.findElement(By.id("account"))).selectByValue("acc-1001");
        page.findElement(By.id("ident")).clear();
        page.findElement(By.id("ident")).sendKeys("order-mbs-77");
        page.findElement(By.id("price")).clear();
        page.findElement(By.id("price")).sendKeys("2.50");
        String billed = clickAndRead(page, By.id("bill"), By.id("note"));
        assertThat(billed).matches("Transaction \\d+ reserved: 2\\.50 EUR is held, not taken yet");
        assertThat(page.findElement(By.cssSelector("td.balance")).getText()).isEqualTo("17.50");
        browser.screenshot("9-reserved");

        String committed = clickAndRead(page, By.cssSelector("tr.transaction button.commit"), By.id("note"));
        assertThat(committed).matches("Transaction \\d+ committed: 2\\.50 EUR taken");

        page.get(demo.sandbox().resolve("payments").toString());
        WebElement payment = awaitPayment(page, "ident", "order-mbs-77");
        assertThat(field(payment, "priceCents")).as("cents as money").isEqualTo("2.50 EUR");
        assertThat(payment.getText()).as("times as people read them, not ISO with nanoseconds")
                .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}\\.\\d");
        assertThat(field(payment, "accountId")).isEqualTo("acc-1001");
        browser.screenshot("10-payments");

        page.get(demo.sandbox().resolve("charge").toString());
        assertThat(page.findElement(By.cssSelector("tr.transaction td.reports")).getText())
                .contains("commit → 200 OK");
    }

    @Test
    @Order(5)
    void theShopsReceiverGotEveryKindOfPaymentVerifiedAndRefusesATamperedDelivery() throws Exception {
        WebDriver page = browser.driver();
        page.get(demo.sandbox().resolve("webhooks").toString());
        for (String type : List.of(WebhookEvent.SESSION_CLOSED, WebhookEvent.SESSION_REVERSED,
                WebhookEvent.MBS_COMMITTED)) {
            List<WebElement> ofType = page.findElements(By.cssSelector("li.delivery")).stream()
                    .filter(d -> d.findElement(By.className("type")).getText().equals(type)).toList();
            assertThat(ofType).as("%s deliveries", type).isNotEmpty()
                    .allSatisfy(d -> assertThat(d.getAttribute("data-verified")).isEqualTo("true"));
        }

        // what a forger would send: a genuine delivery with its body changed after signing
        String body = "{\"id\":\"evt_forged\",\"type\":\"session.closed\",\"created\":1,\"data\":"
                + "{\"code\":\"FORGED42\"}}";
        String signature = new WebhookSigner(Demo.WEBHOOK_SECRET).header(Instant.now().getEpochSecond(), body);
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(demo.webhookUrl())
                .header("Content-Type", "application/json").header("SmsSafe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("FORGED42", "FORGED43"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(400);
        page.get(demo.sandbox().resolve("webhooks").toString());
        WebElement refused = awaitDelivery(page, "evt_forged", 400);
        assertThat(refused.getAttribute("data-verified")).isEqualTo("false");
        assertThat(refused.getText()).contains("signature refused: bad signature",
                "400 bad signature: no v1 is HMAC-SHA256(secret, t + \".\" + body)");
        browser.screenshot("13-webhooks-refused");
    }

    @Test
    @Order(6)
    void whileTheReceiverFailsTheSameEventIsRetriedWithGrowingPausesAndSeenOnSelectUntilItIsAccepted() {
        WebDriver page = browser.driver();
        page.get(demo.sandbox().resolve("webhooks").toString());
        clickAndRead(page, By.id("fail"), By.id("mode"));
        assertThat(page.findElement(By.id("mode")).getAttribute("data-mode")).isEqualTo("fail");

        page.get(demo.sandbox().resolve("charge").toString());
        new Select(page.findElement(By.id("account"))).selectByValue("acc-1001");
        page.findElement(By.id("ident")).clear();
        page.findElement(By.id("ident")).sendKeys("order-hook-500");
        String billed = clickAndRead(page, By.id("bill"), By.id("note"));
        String transaction = billed.replaceFirst("^Transaction (\\d+) .*", "$1");
        clickAndRead(page, By.cssSelector("#transaction-" + transaction + " button.commit"), By.id("note"));
        String reference = "1:" + transaction;
        String id = WebhookContract.eventId(Demo.SAFE, WebhookEvent.MBS_COMMITTED, reference);

        page.get(demo.sandbox().resolve("webhooks").toString());
        Browser.awaitOnReloadingPage(page, Duration.ofSeconds(60), d -> deliveries(d, id).size() >= 3 ? true : null);
        List<WebElement> failing = deliveries(page, id);
        assertThat(failing).allSatisfy(d -> {
            assertThat(d.getAttribute("data-status")).isEqualTo("500");
            assertThat(d.getAttribute("data-verified")).as("refused on purpose, not for its signature")
                    .isEqualTo("true");
        });
        browser.screenshot("14-webhooks-failing");

        page.get(demo.app().toString().replace("://", "://admin:admin-secret@") + "select");
        // the admin sees the same event id the receiver sees, being retried
        WebElement owed = page.findElements(By.cssSelector("#webhook-pending tr")).stream()
                .filter(row -> row.findElements(By.className("event-id")).stream()
                        .anyMatch(shown -> shown.getText().equals(id))).findFirst()
                .orElseThrow(() -> new AssertionError("/select lists no webhook event " + id + " being retried"));
        assertThat(owed.getText()).contains(reference, "mbs.committed");
        assertThat(owed.findElement(By.className("last-error")).getText()).isEqualTo("HTTP 500");
        browser.screenshot("15-select-webhook-failing");

        page.get(demo.sandbox().resolve("webhooks").toString());
        clickAndRead(page, By.id("answer"), By.id("mode"));
        WebElement accepted = awaitDelivery(page, id, 200);
        assertThat(accepted.findElement(By.className("answer")).getText()).isEqualTo("200 accepted");
        browser.screenshot("16-webhooks-accepted");

        List<WebElement> all = deliveries(page, id);
        List<String> statuses = all.stream().map(d -> d.getAttribute("data-status")).toList();
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo("200");
        assertThat(statuses.subList(0, statuses.size() - 1)).as("every delivery before the last")
                .hasSizeGreaterThanOrEqualTo(3).containsOnly("500");
        // the runner polls every 5 s: each pause is at least the schedule's, 1 s, 2 s, 4 s, … after 1, 2, 3, … failures
        List<Instant> times = all.stream().map(d -> Instant.parse(d.getAttribute("data-at"))).toList();
        for (int failed = 1; failed < times.size(); failed++) {
            assertThat(Duration.between(times.get(failed - 1), times.get(failed)))
                    .as("the pause after %d failed deliveries", failed)
                    .isGreaterThanOrEqualTo(RetrySchedule.pauseAfter(failed).minusMillis(500));
        }
    }

    @Test
    @Order(7)
    void theSandboxAndTheBuyersPagesFitAPhoneAndADesktop() {
        WebDriver page = browser.driver();
        List<String> pages = List.of(demo.sandbox().toString(), demo.sandbox().resolve("phone").toString(),
                demo.sandbox().resolve("charge").toString(), demo.sandbox().resolve("payments").toString(),
                demo.sandbox().resolve("webhooks").toString(), demo.app() + "check",
                demo.app() + "check?content=order-1&lang=ru");
        try {
            for (int width : new int[] {390, 1280}) {
                page.manage().window().setSize(new Dimension(width, 900));
                for (int i = 0; i < pages.size(); i++) {
                    page.get(pages.get(i));
                    browser.screenshot("12-width-" + width + "-" + i);
                    assertThat(Browser.overflow(page)).as("%s at %d px: wider than the window by", pages.get(i),
                            width).isZero();
                }
                // /charge's transactions read as sentences, not a word a line (the MBS test above left one)
                page.get(demo.sandbox().resolve("charge").toString());
                long status = ((Number) ((JavascriptExecutor) page).executeScript("return document.querySelector("
                        + "'#transactions td.status').getBoundingClientRect().height")).longValue();
                assertThat(status).as("/charge's status cell's height at %d px (one or two lines)", width)
                        .isLessThan(50);
                ((JavascriptExecutor) page).executeScript("document.getElementById('transactions').scrollIntoView()");
                browser.screenshot("12-width-" + width + "-charge-transactions");
                // the demo's rates.url has {language}: the lt and ru primers show the notes of their own feed
                for (String[] note : new String[][] {{"lt", "Tik Bitės abonentams."},
                        {"ru", "Только для абонентов Bitė."}}) {
                    page.get(demo.app() + "check?country=lt&provider=bite_lt&gateway=smssafe&content=order-1&lang="
                            + note[0]);
                    WebElement shown = page.findElement(By.cssSelector("p.note"));
                    assertThat(shown.getText()).as("the %s primer's note", note[0]).isEqualTo(note[1]);
                    ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'})", shown);
                    browser.screenshot("12-width-" + width + "-note-" + note[0]);
                }
            }
        } finally {
            page.manage().window().setSize(new Dimension(412, 915));
        }
    }

    @Test
    @Order(8)
    void aRequestTomcatRefusesItselfNamesNoExceptionAndNoVersion() throws Exception {
        // '{' is not allowed in a request target: Tomcat answers before the WAR sees the request
        String answer = RawHttp.get(demo.app(), "/" + "smssafe/check?content={x}", null);

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).as("the demo's Tomcat is hardened as docs/deploy-tomcat.md says")
                .doesNotContain("Exception", "Invalid character", "Apache Tomcat/");
    }

    @Test
    @Order(9)
    void theDemoStopsCleanlyAndTheActionWroteItsLogLines() throws Exception {
        demo.close();
        String log = Files.readString(TOMCAT_LOG);
        assertThat(log).containsPattern("DEMO PAYMENT ACTION: session " + TestData.CODE + " paid 4.00 EUR in 2 messages"
                + " for 'order-77'");
        assertThat(log).contains("DEMO PAYMENT ACTION: MBS transaction 1:");
        assertThat(log).as("Tomcat's log after a clean stop").doesNotContain("NoClassDefFoundError", "SEVERE",
                "appears to have started a thread");
    }

    /** The exact text {@code /check}'s primer tells a buyer of this Lithuanian operator and gateway to send. */
    private static String primerText(WebDriver page, String content, String operator, String gateway) {
        page.get(demo.app() + "check?content=" + content + "&country=lt&provider=" + operator + "&gateway="
                + gateway);
        return page.findElement(By.id("text-to-send")).getText();
    }

    /** Presses Send on the test phone and returns the new last line of its message list, once it is there. */
    private static String send(WebDriver page, int replies) {
        page.findElement(By.id("send")).click();
        // the click returns before the next page is there: wait for the reply, on the new page
        return Browser.awaitOnReloadingPage(page, Duration.ofSeconds(20), d -> {
            List<WebElement> all = d.findElements(By.cssSelector("#thread li.reply"));
            return all.size() >= replies
                    ? all.get(all.size() - 1).findElement(By.className("text")).getText() : null;
        });
    }

    private static String state(WebDriver page) {
        return page.findElement(By.id("state")).getAttribute("data-state");
    }

    /** The payments page refreshes itself: wait until the payment with this field is listed. */
    private static WebElement awaitPayment(WebDriver page, String name, String value) {
        return Browser.awaitOnReloadingPage(page, Duration.ofSeconds(30), d ->
                d.findElements(By.cssSelector("li.payment")).stream()
                        .filter(p -> p.findElements(By.cssSelector("td." + name)).stream()
                                .anyMatch(td -> td.getText().equals(value)))
                        .findFirst().orElse(null));
    }

    /** The webhooks page refreshes itself: wait until a delivery of this event with this status is listed. */
    private static WebElement awaitDelivery(WebDriver page, String eventId, int status) {
        return Browser.awaitOnReloadingPage(page, Duration.ofSeconds(60), d -> deliveries(d, eventId).stream()
                .filter(delivery -> delivery.getAttribute("data-status").equals(String.valueOf(status)))
                .reduce((newer, older) -> newer).orElse(null));
    }

    /** The deliveries of this event on the webhooks page, oldest first. */
    private static List<WebElement> deliveries(WebDriver page, String eventId) {
        List<WebElement> newestFirst = page.findElements(By.cssSelector("li.delivery")).stream()
                .filter(d -> eventId.equals(d.getAttribute("data-event"))).collect(Collectors.toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static String field(WebElement payment, String name) {
        return payment.findElement(By.cssSelector("td." + name)).getText();
    }

    private static void clickAndWait(WebDriver page, By link, By expected) {
        page.findElement(link).click();
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> !d.findElements(expected).isEmpty());
    }

    /** Clicks a button whose form reloads the page, and reads an element of the new page. */
    private static String clickAndRead(WebDriver page, By button, By element) {
        WebElement old = page.findElement(By.tagName("html"));
        page.findElement(button).click();
        new WebDriverWait(page, Duration.ofSeconds(20)).until(d ->
                Browser.isGone(old) && !d.findElements(element).isEmpty());
        return page.findElement(element).getText();
    }
}
