package lt.smssafe.demo;

import lt.smssafe.testing.RsaKeys;
import java.nio.file.Files;
import java.security.KeyPair;
import lt.smssafe.sms.dialect.paysera.PayseraKeys;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import lt.smssafe.demo.action.SandboxPaymentAction;
import lt.smssafe.demo.sandbox.SandboxSite;
import lt.smssafe.testing.Folders;

/**
 * The whole demo: the sandbox ({@link SandboxSite}: gateways, test phone, MBS platform, a shop's webhook receiver)
 * and, beside it, Tomcat with the production WAR on the embedded H2 database, configured to fetch the sandbox's
 * rates, take its notifications, bill through its MBS platform and POST its webhook to it. The README's run
 * command starts one; so does the browser test of the demo story, on other ports.
 */
public final class Demo implements AutoCloseable {
    public static final long SAFE = 1234;
    public static final String PASSKEY = "demo-passkey";
    static final long MBS_SERVICE = 1;
    static final String MBS_SECRET = "demo-mbs-secret";
    static final String FORTUMO_SECRET = "demo-fortumo-secret";
    /** The sandbox's Fortumo service: the id of its service-data XML ({@code demo/fortumo-service-data.xml}). */
    static final String FORTUMO_SERVICE = "5a1e0d3e2f9c4b7a8e6d1c0b9a8f7e6d";
    static final long PAYSERA_PROJECT = 1234;
    static final String PAYSERA_PASSWORD = "demo-paysera-password";
    /** {@code api.key}: switches {@code /redeem} on, so that the demo shows how a shop spends a paid code. */
    static final String API_KEY = "demo-api-key-of-at-least-32-characters";
    /** {@code webhook.secret}: the webhook POSTs to the sandbox's receiver, which checks the signature with it. */
    public static final String WEBHOOK_SECRET = "demo-webhook-secret-of-at-least-32-characters";

    /**
     * Where things are and how the demo behaves.
     *
     * @param tomcatHome the Tomcat the build unpacked
     * @param war the production WAR
     * @param work the demo's own folder: Tomcat's base and the payment action's classes, rewritten on each start
     * @param dataDir sms:safe's {@code data.dir}: the H2 database and {@code local.xml}, kept between runs
     * @param delay the wait before a session's last message
     * @param tomcatOutput where Tomcat's console goes
     */
    public record Settings(Path tomcatHome, Path war, Path work, Path dataDir, int tomcatPort, int sandboxPort,
            Duration delay, ProcessBuilder.Redirect tomcatOutput) {
    }

    private final SandboxSite sandbox;
    private final DemoTomcat tomcat;
    private boolean closed;

    private Demo(SandboxSite sandbox, DemoTomcat tomcat) {
        this.sandbox = sandbox;
        this.tomcat = tomcat;
    }

    /** Starts the sandbox, then Tomcat, and waits until the WAR answers. */
    public static Demo start(Settings settings) throws IOException, InterruptedException {
        DemoTomcat tomcat = new DemoTomcat(settings.tomcatHome(), settings.work().resolve("tomcat"),
                settings.tomcatPort());
        // the sandbox first: the WAR fetches its rates as soon as it starts
        // the sandbox plays Paysera: a key pair of its own, the public half in the site's paysera.public-key
        KeyPair paysera = RsaKeys.generate();
        Path payseraKey = settings.work().resolve("paysera-public.pem");
        Files.createDirectories(payseraKey.getParent());
        Files.writeString(payseraKey, PayseraKeys.pem(paysera.getPublic()));
        SandboxSite sandbox = SandboxSite.start(new SandboxSite.Settings(settings.sandboxPort(), tomcat.app(), SAFE,
                PASSKEY, settings.delay(), MBS_SERVICE, MBS_SECRET, FORTUMO_SECRET, FORTUMO_SERVICE, PAYSERA_PROJECT,
                PAYSERA_PASSWORD, paysera.getPrivate(), WEBHOOK_SECRET));
        Demo demo = new Demo(sandbox, tomcat);
        try {
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("safe", String.valueOf(SAFE));
            keys.put("passkey", PASSKEY);
            keys.put("delay", settings.delay().toString());
            keys.put("data.dir", settings.dataDir().toAbsolutePath().toString());
            // with {language}: the lt and ru pages show the feed's notes in their language
            keys.put("rates.url", sandbox.ratesUrl());
            keys.put("mbs.url", sandbox.mbsUrl().toString());
            keys.put("mbs.service", String.valueOf(MBS_SERVICE));
            keys.put("mbs.secret", MBS_SECRET);
            keys.put("fortumo.secret", FORTUMO_SECRET);
            keys.put("fortumo.service-id", FORTUMO_SERVICE);
            keys.put("fortumo.rates.url", sandbox.fortumoRatesUrl());
            keys.put("paysera.project-id", String.valueOf(PAYSERA_PROJECT));
            keys.put("paysera.password", PAYSERA_PASSWORD);
            keys.put("paysera.public-key", payseraKey.toUri().toString());
            keys.put("action", SandboxPaymentAction.class.getName());
            keys.put("api.key", API_KEY);
            keys.put("webhook.url", sandbox.webhookUrl().toString());
            keys.put("webhook.secret", WEBHOOK_SECRET);
            tomcat.start(settings.war(), keys, actionClasses(settings.work().resolve("action-classes")),
                    Map.of("demo.payments.url", sandbox.paymentsUrl().toString()), settings.tomcatOutput());
            if (!tomcat.awaitReady(Duration.ofMinutes(2))) {
                throw new IllegalStateException("Tomcat did not start the WAR within two minutes; see its log");
            }
            return demo;
        } catch (IOException | InterruptedException | RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    /** sms:safe's base URL, ending in {@code /}. */
    public URI app() {
        return tomcat.app();
    }

    /** The sandbox's start page. */
    public URI sandbox() {
        return sandbox.url();
    }

    /** The WAR's {@code webhook.url}: the sandbox's receiver. */
    public URI webhookUrl() {
        return sandbox.webhookUrl();
    }

    Path contextFile() {
        return tomcat.contextFile();
    }

    /** Waits until Tomcat ends, e.g. on Ctrl+C. */
    int waitFor() throws InterruptedException {
        return tomcat.waitFor();
    }

    /** Stops Tomcat, then the sandbox; again does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            tomcat.close();
            sandbox.close();
        }
    }

    /**
     * A class folder with only the demo's payment action, copied from the test classes, so that nothing else of the
     * tests enters the application.
     */
    private static Path actionClasses(Path folder) throws IOException {
        Folders.deleteTree(folder);
        String packagePath = SandboxPaymentAction.class.getPackageName().replace('.', '/');
        Path source;
        try {
            source = Path.of(SandboxPaymentAction.class.getResource("SandboxPaymentAction.class").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path target = Files.createDirectories(folder.resolve(packagePath));
        try (Stream<Path> classes = Files.list(source)) {
            for (Path file : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }
}
