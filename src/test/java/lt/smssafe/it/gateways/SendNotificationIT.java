package lt.smssafe.it.gateways;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lt.smssafe.it.TestWar;
import lt.smssafe.sms.dialect.paysera.PayseraKeys;
import lt.smssafe.testing.RsaKeys;
import lt.smssafe.testing.TestData;
import lt.smssafe.tool.ToolRun;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The site owner's signed-notification tool against a real Tomcat: what it prints and its exit code. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SendNotificationIT {
    private static final String PASSKEY = "tool-passkey-3131";
    private static final String FORTUMO_SECRET = "tool-fortumo-secret";
    private static final String PAYSERA_PASSWORD = "tool-paysera-password";
    private static final KeyPair PAYSERA_KEYS = RsaKeys.generate();
    private static final TestData DATA = TestData.seededFor(SendNotificationIT.class);


    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("tool-it").with("safe", "3131").with("passkey", PASSKEY).with("messages", "3")
                .with("delay", "PT2S").with("fortumo.secret", FORTUMO_SECRET)
                .with("paysera.project-id", "31313").with("paysera.password", PAYSERA_PASSWORD)
                .with("paysera.public-key", PayseraKeys.pem(PAYSERA_KEYS.getPublic())).build();
    }

    private ToolRun tool(String... args) {
        return toolWith(Map.of(), args);
    }

    /** The tool with these environment variables (and no other). */
    private ToolRun toolWith(Map<String, String> environment, String... args) {
        return ToolRun.of(environment, args);
    }

    @Test
    void aCorrectNotificationIsAnswered200WithTheReply() {
        ToolRun run = tool("--url", base + "result", "--safe", "3131", "--passkey", PASSKEY, "--msisdn", DATA.phone());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).singleElement().asString()
                .matches("200 your message is received, session " + TestData.CODE + " started");
    }

    @Test
    void theToolsOwnJarRunsWithPlainJava() throws Exception {
        Path jar = Path.of(System.getProperty("send-notification.jar"));
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--url", base + "result", "--safe", "3131", "--msisdn",
                DATA.phone(), "--content", "order-jar").redirectErrorStream(true);
        command.environment().put("SMSSAFE_PASSKEY", PASSKEY);
        Process process = command.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed.strip()).matches("200 your message is received, session " + TestData.CODE + " started");
    }

    @Test
    void itSignsAsFortumoAndItsBillingReportToo() {
        String phone = DATA.phone();
        ToolRun paid = tool("--dialect", "fortumo", "--url", base + "fortumo", "--secret", FORTUMO_SECRET,
                "--msisdn", phone, "--message-id", "tool-f-" + phone, "--content", "order-f");
        ToolRun report = tool("--dialect", "fortumo", "--url", base + "fortumo", "--secret", FORTUMO_SECRET,
                "--msisdn", phone, "--message-id", "tool-f-" + phone, "--content", "order-f", "--status", "failed");
        ToolRun forged = tool("--dialect", "fortumo", "--url", base + "fortumo", "--secret", "not-the-secret");

        assertThat(paid.exitCode()).isZero();
        assertThat(paid.lines()).singleElement().asString()
                .matches("200 your message is received, session " + TestData.CODE + " started");
        assertThat(report.lines()).containsExactly("200 OK");
        assertThat(forged.lines()).containsExactly("403 checksum failed");
    }

    @Test
    void itSignsAsPayseraWithSs1Ss2AndSs3OrEncrypts(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("paysera-private.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PAYSERA_KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        ToolRun signed = tool("--dialect", "paysera", "--url", base + "paysera", "--project-id", "31313",
                "--password", PAYSERA_PASSWORD, "--private-key", key.toString(), "--msisdn", DATA.phone());
        ToolRun encrypted = tool("--dialect", "paysera", "--url", base + "paysera", "--project-id", "31313",
                "--password", PAYSERA_PASSWORD, "--encrypted", "--msisdn", DATA.phone());
        // signed with ss3 too: with paysera.public-key set, ss1 alone is 403 checksum failed (docs/protocol.md §8.2)
        ToolRun wrongProject = tool("--dialect", "paysera", "--url", base + "paysera", "--project-id", "1",
                "--password", PAYSERA_PASSWORD, "--private-key", key.toString(), "--msisdn", DATA.phone());

        assertThat(signed.lines()).singleElement().asString()
                .matches("200 OK your message is received, session " + TestData.CODE + " started");
        assertThat(encrypted.lines()).singleElement().asString().startsWith("200 OK your message is received");
        assertThat(wrongProject.lines()).containsExactly("404 unknown service");
        assertThat(wrongProject.exitCode()).isEqualTo(1);
    }

    @Test
    void aReplyThatCountsNothingFailsAndSaysWhy() {
        String phone = DATA.phone();
        ToolRun started = tool("--url", base + "result", "--safe", "3131", "--passkey", PASSKEY, "--msisdn", phone,
                "--messages", "2");
        ToolRun tooEarly = tool("--url", base + "result", "--safe", "3131", "--passkey", PASSKEY, "--msisdn", phone);

        assertThat(started.exitCode()).isZero();
        assertThat(tooEarly.exitCode()).isEqualTo(1);
        assertThat(tooEarly.lines()).containsExactly("200 error. your message cannot be processed (0 hours 1 minute"
                + " left)", "  not what a session expects: the reply names no session, so the message was not counted");
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        ToolRun run = tool("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines().get(0)).startsWith("usage: SendNotification --url URL");
    }

    @Test
    void aWrongPasskeyIsAnswered403AndTheToolSaysSo() {
        ToolRun run = tool("--url", base + "result", "--safe", "3131", "--passkey", "not-the-passkey", "--post");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).containsExactly("403 checksum failed");
    }

    @Test
    void aWholeSessionWithItsWaitCloses() {
        ToolRun run = tool("--url", base + "result", "--safe", "3131", "--passkey", PASSKEY, "--msisdn", DATA.phone(),
                "--messages", "3", "--wait", "PT2.1S", "--content", "order-7");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(4);
        assertThat(run.lines().get(0)).endsWith(" started");
        assertThat(run.lines().get(1)).contains("DO NOT send the last message (0 hours 1 minute left)");
        assertThat(run.lines().get(2)).isEqualTo("waiting PT2.1S before the last message…");
        assertThat(run.lines().get(3)).matches("200 your message is received, session " + TestData.CODE + " closed");
    }

    @Test
    void anUnreachableDeploymentIsSaidInOneLine() {
        ToolRun run = tool("--url", "http://127.0.0.1:1/result", "--safe", "3131", "--passkey", PASSKEY);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).singleElement().asString().startsWith("cannot reach http://127.0.0.1:1/result");
    }

    @Test
    void aMistakeOnTheCommandLineIsExplained() {
        ToolRun run = tool("--url", base + "result", "--safe", "3131");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines().get(0))
                .isEqualTo("--url, --safe and the passkey (--passkey-file or SMSSAFE_PASSKEY) are required");
    }

    @Test
    void aSecretOnTheCommandLineWorksButIsWarnedAboutOnStderr() {
        ToolRun run = tool("--url", base + "result", "--safe", "3131", "--passkey", PASSKEY, "--msisdn", DATA.phone());

        assertThat(run.exitCode()).isZero();
        assertThat(run.warnings()).containsExactly("warning: --passkey on the command line is seen by every user of"
                + " this machine (ps) and kept in the shell's history; use --passkey-file or SMSSAFE_PASSKEY instead");
        assertThat(run.lines()).as("stdout stays the answers").singleElement().asString().startsWith("200 ");
    }

    @Test
    void secretsComeFromAFileOrTheEnvironmentWithoutAWarning(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path passkey = Files.writeString(dir.resolve("passkey"), PASSKEY + "\n");
        Path password = Files.writeString(dir.resolve("paysera-password"), PAYSERA_PASSWORD);

        ToolRun fromFile = tool("--url", base + "result", "--safe", "3131", "--passkey-file", passkey.toString(),
                "--msisdn", DATA.phone());
        ToolRun fromEnvironment = toolWith(Map.of("SMSSAFE_PASSKEY", PASSKEY), "--url", base + "result", "--safe", "3131",
                "--msisdn", DATA.phone());
        ToolRun fortumo = toolWith(Map.of("SMSSAFE_FORTUMO_SECRET", FORTUMO_SECRET), "--dialect", "fortumo", "--url",
                base + "fortumo", "--msisdn", DATA.phone());
        // encrypted with the password from the file: this site has paysera.public-key, so ss1 alone is refused
        ToolRun paysera = tool("--dialect", "paysera", "--url", base + "paysera", "--project-id", "31313",
                "--password-file", password.toString(), "--encrypted", "--msisdn", DATA.phone());
        ToolRun missingFile = tool("--url", base + "result", "--safe", "3131", "--passkey-file",
                dir.resolve("none").toString());

        assertThat(List.of(fromFile, fromEnvironment, fortumo)).allSatisfy(run -> {
            assertThat(run.exitCode()).as("%s", run).isZero();
            assertThat(run.lines()).singleElement().asString()
                    .matches("200 your message is received, session " + TestData.CODE + " started");
        });
        assertThat(paysera.lines()).singleElement().asString().startsWith("200 OK your message is received");
        assertThat(List.of(fromFile, fromEnvironment, fortumo, paysera)).allSatisfy(run ->
                assertThat(run.warnings()).as("no secret on the command line, no warning").isEmpty());
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.lines().get(0)).startsWith("--passkey-file: cannot read " + dir.resolve("none"));
    }
}
