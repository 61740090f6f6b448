package lt.smssafe.it.pages;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.TestWar;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.Browser;
import lt.smssafe.testing.FakeSmsSafeGateway;
import lt.smssafe.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium walks the usage primer as an end user would — country, then operator, then the exact
 * text and the total — and then watches a session's status page, without reloading it, change from open to
 * waiting to closed while the gateway delivers the messages. Screenshots land in {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CheckPageBrowserIT {
    private static final long SAFE = 9191;
    private static final String PASSKEY = "browser-passkey-9191";
    private static final TestData DATA = TestData.seededFor(CheckPageBrowserIT.class);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Path feeds = Path.of("target", "test-classes", "it").toAbsolutePath();
        return TestWar.named("browser-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("delay", "PT5S")
                .with("rates.url", feeds.toUri() + "rates-{safe}.xml")
                .build();
    }

    @Test
    void anEndUserWalksThePrimerThenWatchesTheirSessionClose() throws Exception {
        AdminHttp.send(AdminHttp.request(URI.create(base + "cron"), AdminHttp.ADMIN).POST(AdminHttp.form("")));
        try (Browser browser = Browser.start("check-page")) {
            WebDriver page = browser.driver();
            page.get(base + "check?content=order-77");
            browser.screenshot("1-countries");
            page.findElement(By.linkText("Lithuania")).click();
            await(page, By.id("chosen-country"));
            browser.screenshot("2-operators");
            page.findElement(By.linkText("Tele2")).click();
            await(page, By.id("text-to-send"));
            browser.screenshot("3-instructions");

            assertThat(page.findElement(By.id("text-to-send")).getText()).isEqualTo("SAFE 9191 order-77");
            assertThat(page.findElement(By.id("shortcode")).getText()).isEqualTo("1338");
            assertThat(page.findElement(By.id("price")).getText()).isEqualTo("2.00 EUR (VAT not included)");
            assertThat(page.findElement(By.id("messages")).getText()).isEqualTo("2");
            assertThat(page.findElement(By.id("total")).getText()).isEqualTo("4.00 EUR");
            assertThat(page.findElement(By.id("delay-warning")).getText()).as("a delay below a minute in seconds on a page").contains("wait 5 seconds");

            FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"),
                    SignatureScheme.HMAC_SHA256, PASSKEY);
            String phone = DATA.phone();
            String first = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, "b-1-" + phone, phone, "order-77", "lt",
                    "tele2_lt")).body();

            page.findElement(By.name("session")).sendKeys(code(first));
            page.findElement(By.cssSelector(".status-form button")).click();
            // a click returns before the next page has loaded: wait for it
            await(page, By.id("state"));
            assertThat(page.findElement(By.id("state")).getAttribute("data-state")).isEqualTo("waiting");
            assertThat(page.findElement(By.id("received")).getText()).isEqualTo("1 / 2");
            assertThat(page.findElement(By.id("phone")).getText()).doesNotContain(phone);
            assertThat(page.findElement(By.id("wait-left")).getText()).as("seconds left, not \"0 hours 1 minute\"")
                    .matches("[1-5] seconds?");
            browser.screenshot("4-waiting");

            Thread.sleep(5_100);
            gateway.deliver(FakeSmsSafeGateway.sms(SAFE, "b-2-" + phone, phone, "order-77", "lt", "tele2_lt"));
            // the page refreshes itself every 10 s while the session is open: no reload here
            Browser.awaitOnReloadingPage(page, Duration.ofSeconds(25), d ->
                    "closed".equals(d.findElement(By.id("state")).getAttribute("data-state")));
            browser.screenshot("5-closed");
            assertThat(page.findElement(By.id("received")).getText()).isEqualTo("2 / 2");
            assertThat(page.findElement(By.id("closed-at")).getText()).as("as a buyer reads a time, not ISO with nanoseconds")
                    .matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}.[AP]M");
        }
    }

    private static void await(WebDriver page, By element) {
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> !d.findElements(element).isEmpty());
    }
}
