package lt.smssafe.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lt.smssafe.notify.SignatureScheme;
import lt.smssafe.testing.FakeProvider;

/**
 * The README's run command ({@code mvn -Prun package}): starts the Tomcat the build unpacked, with the WAR at
 * {@code /smssafe} on the embedded H2 database and a demo safe, waits until it answers, and prints what to open.
 * Ctrl+C stops Tomcat.
 */
public final class DemoLauncher {
    static final long SAFE = 1234;
    static final String PASSKEY = "demo-passkey";
    static final int PORT = 8080;

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path tomcat = Path.of(System.getProperty("tomcat.home")).toAbsolutePath();
        Path war = Path.of(System.getProperty("smssafe.war")).toAbsolutePath();
        Path dataDir = Path.of(System.getProperty("demo.data", "target/demo-data")).toAbsolutePath();
        refuseBusyPort();
        Files.copy(war, tomcat.resolve("webapps/smssafe.war"), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> scripts = Files.list(tomcat.resolve("bin"))) {
            scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
        }
        ProcessBuilder builder = new ProcessBuilder(tomcat.resolve("bin/catalina.sh").toString(), "run").inheritIO();
        builder.environment().put("CATALINA_HOME", tomcat.toString());
        builder.environment().put("CATALINA_BASE", tomcat.toString());
        builder.environment().put("CATALINA_OPTS", String.join(" ", List.of(
                "-Dsmssafe.safe=" + SAFE, "-Dsmssafe.passkey=" + PASSKEY, "-Dsmssafe.messages=3",
                "-Dsmssafe.delay=PT30S", "-Dsmssafe.data.dir=" + dataDir,
                "-Dsmssafe.rates.url=" + ratesFeed())));
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "stop-tomcat"));
        URI home = URI.create("http://localhost:" + PORT + "/smssafe/");
        if (!awaitReady(home, process)) {
            System.err.println("Tomcat did not start within two minutes; see its log above.");
            stop(process);
            System.exit(1);
        }
        System.out.println(banner(home));
        System.exit(process.waitFor());
    }

    /** The sample feed shipped with the tests: Lithuania (Bitė N = 4, Tele2 N = 2) and Latvia (LMT N = 5). */
    private static String ratesFeed() {
        return Path.of("target", "test-classes", "demo").toAbsolutePath().toUri() + "rates-{safe}.xml";
    }

    private static void refuseBusyPort() {
        try (ServerSocket ignored = new ServerSocket(PORT)) {
            // free
        } catch (IOException e) {
            System.err.println("Port " + PORT + " is in use: stop whatever listens there (another Tomcat, the tests)"
                    + " and run again.");
            System.exit(1);
        }
    }

    private static boolean awaitReady(URI home, Process process) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(home).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // Tomcat is still starting
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static String banner(URI home) {
        FakeProvider provider = new FakeProvider(home.resolve("result"), SignatureScheme.HMAC_SHA256, PASSKEY);
        long run = System.currentTimeMillis() / 1000;
        StringBuilder curls = new StringBuilder();
        for (int i = 1; i <= 2; i++) {
            // a new phone each run, so that no session left from an earlier run takes these messages
            Map<String, String> unsigned = FakeProvider.sms(SAFE, "demo-" + run + "-" + i,
                    "3706" + (1_000_000 + run % 9_000_000), "order-42", "lt", "tele2_lt");
            unsigned.put("shortcode", "1338");
            unsigned.put("cost_local", "2.00");
            Map<String, String> sms = provider.signed(unsigned);
            curls.append("   curl '").append(home).append("result?").append(FakeProvider.form(sms)).append("'\n");
        }
        return String.join("\n",
                "",
                "================================================================================",
                " sms:safe is running: " + home,
                "   safe " + SAFE + ", passkey " + PASSKEY + ", the last message of a session after 30 s",
                "   pay by SMS, as your buyers see it:   " + home + "check?content=order-42",
                "   admin pages (user admin, password admin-secret):",
                "     open sessions " + home + "select   rates " + home + "cron   database " + home + "setup",
                "",
                " Pay a session by hand, as the provider would: two paid SMS from a Tele2 phone (N = 2), signed",
                " now and valid for an hour; send the second 30 s after the first, then open the session's code at",
                " " + home + "check?session=CODE",
                curls.toString(),
                " Press Ctrl+C to stop.",
                "================================================================================");
    }

    private static void stop(Process process) {
        if (process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
