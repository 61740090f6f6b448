package lt.smssafe.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs. A machine without them fails the test that needs them, saying so, rather than
 * skipping it.
 */
public final class Browser implements AutoCloseable {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path screenshots;

    private Browser(WebDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Starts a fresh headless Chromium with a phone-sized window; screenshots go to {@code target/screenshots/<name>}. */
    public static Browser start(String name) {
        if (!CHROMIUM.canExecute() || !DRIVER.canExecute()) {
            throw new IllegalStateException("this test needs a real Chromium: /usr/bin/chromium and "
                    + "/usr/bin/chromedriver are missing. Install them with"
                    + " 'apt-get install chromium chromium-driver' (.ci/run does this).");
        }
        try {
            Path profile = Files.createDirectories(Path.of("target", "chromium", name)).toAbsolutePath();
            Path screenshots = Files.createDirectories(Path.of("target", "screenshots", name)).toAbsolutePath();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--disable-sync", "--window-size=412,915", "--user-data-dir=" + Files.createTempDirectory(
                            profile, "profile-"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                    .usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, screenshots);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves what the browser shows now as {@code <step>.png}. */
    public Path screenshot(String step) {
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = screenshots.resolve(step + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Waits until {@code condition} gives a value (not null, not false) on a page that may reload itself meanwhile.
     * An element found before a reload and read after it is stale; Chromium's driver reports the same race on
     * some reads as "Node with given id does not belong to the document". Both mean "look again", nothing else.
     */
    public static <T> T awaitOnReloadingPage(WebDriver page, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(page, timeout).ignoring(StaleElementReferenceException.class).until(d -> {
            try {
                return condition.apply(d);
            } catch (StaleElementReferenceException e) {
                throw e;
            } catch (WebDriverException e) {
                if (isReloadRace(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** By how many CSS pixels the page is wider than the window: 0 when it fits (tables scroll in their own box). */
    public static long overflow(WebDriver page) {
        Number width = (Number) ((JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        return Math.max(0, width.longValue());
    }

    /** Whether the page that held {@code element} has gone, i.e. the browser has loaded another one. */
    public static boolean isGone(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (isReloadRace(e)) {
                return true;
            }
            throw e;
        }
    }

    private static boolean isReloadRace(WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
