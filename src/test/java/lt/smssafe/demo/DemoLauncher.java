package lt.smssafe.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The README's run command ({@code mvn -Prun package}): starts the {@link Demo} (the sandbox on port 8081, Tomcat
 * with the WAR at {@code /smssafe} on port 8080, the last message of a session after 30 s) and prints what to open.
 * Ctrl+C stops both.
 */
public final class DemoLauncher {
    private static final int TOMCAT_PORT = 8080;
    private static final int SANDBOX_PORT = 8081;

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        refuseBusyPort(TOMCAT_PORT);
        refuseBusyPort(SANDBOX_PORT);
        Path target = Path.of(System.getProperty("demo.target", "target")).toAbsolutePath();
        Demo.Settings settings = new Demo.Settings(Path.of(System.getProperty("tomcat.home")),
                Path.of(System.getProperty("smssafe.war")), target.resolve("demo"),
                Path.of(System.getProperty("demo.data", target.resolve("demo-data").toString())), TOMCAT_PORT,
                SANDBOX_PORT, Duration.ofSeconds(30), ProcessBuilder.Redirect.INHERIT);
        Demo demo;
        try {
            demo = Demo.start(settings);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "stop-demo"));
        System.out.println(banner(demo));
        System.exit(demo.waitFor());
    }

    private static void refuseBusyPort(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            // free
        } catch (IOException e) {
            System.err.println("Port " + port + " is in use: stop whatever listens there (another Tomcat, the tests,"
                    + " an earlier demo) and run again.");
            System.exit(1);
        }
    }

    private static String banner(Demo demo) {
        URI app = demo.app();
        URI sandbox = demo.sandbox();
        return String.join("\n",
                "",
                "================================================================================",
                " sms:safe is running: " + app,
                "",
                " START HERE: " + sandbox,
                "   the sandbox plays the SMS provider, your buyers' phones, the MBS platform and your shop's webhook"
                        + " receiver:",
                "   test phone          " + sandbox.resolve("phone"),
                "   charge by MBS       " + sandbox.resolve("charge"),
                "   action received     " + sandbox.resolve("payments"),
                "   webhooks received   " + sandbox.resolve("webhooks") + "   (webhook.secret "
                        + Demo.WEBHOOK_SECRET + ")",
                "",
                " sms:safe's pages:",
                "   how buyers pay      " + app.resolve("check?content=order-42"),
                "   admin (user admin, password admin-secret):",
                "     open sessions " + app.resolve("select") + "   rates " + app.resolve("cron")
                        + "   database " + app.resolve("setup"),
                "",
                " safe " + Demo.SAFE + ", passkey " + Demo.PASSKEY + ", the last message of a session after 30 s;",
                " spend a paid code once, as your shop's server would:",
                "   curl -X POST -H 'Authorization: Bearer " + Demo.API_KEY + "' -d code=<CODE> -d reference=account-1 "
                        + app.resolve("redeem"),
                " configuration: " + demo.contextFile(),
                " Press Ctrl+C to stop.",
                "================================================================================");
    }
}
