package lt.smssafe.it.gateways;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lt.smssafe.testing.Receivers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool's own jar ({@code target/smssafe-send-notification.jar}, as {@code mvn package} builds it) sends a
 * webhook with nothing but {@code java -jar}: the webhook's classes and Jackson are in it. Against the Python
 * receiver a shop copies, which accepts it.
 */
class SendWebhookJarIT {
    private static final String SECRET = "jar-webhook-secret-0123456789abcdef";

    @Test
    void theJarSendsEachSampleEventWithPlainJava(@TempDir Path folder) throws Exception {
        Path jar = Path.of(System.getProperty("send-notification.jar"));
        try (Receivers.Receiver receiver = Receivers.start(Receivers.Language.PYTHON, SECRET, folder)) {
            for (String type : List.of("session.closed", "session.reversed", "mbs.committed")) {
                ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-jar", jar.toString(), "--webhook", "--url", receiver.uri().toString(),
                        "--type", type).redirectErrorStream(true);
                command.environment().put("SMSSAFE_WEBHOOK_SECRET", SECRET);
                Process process = command.start();
                String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(printed).isZero();
                assertThat(printed.lines().toList()).as(printed).hasSize(3).last().isEqualTo("200 accepted");
            }
            assertThat(receiver.events()).extracting(e -> e.get("type").asText())
                    .containsExactly("session.closed", "session.reversed", "mbs.committed");
        }
    }
}
