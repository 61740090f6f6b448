package lt.smssafe.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import lt.smssafe.testing.Receivers;
import lt.smssafe.testing.WebhookContract;
import lt.smssafe.webhook.WebhookEvent;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code SendNotification --webhook} against the receivers a shop copies (src/test/resources/webhooks/, run as real
 * PHP, Node.js and Python processes by {@link Receivers}), which verify the signature with nothing of sms:safe's
 * code: every sample event is accepted once and its repeat is a duplicate, a wrong secret is refused and the tool
 * exits 1. Then what goes over the wire, caught by a local server: the WAR's headers and HTTP/1.1, the signature
 * checked with the JDK's own HMAC, redirects not followed. And the secret: from a file, the environment or a flag
 * that is warned about, never printed.
 */
class SendWebhookTest {
    private static final String SECRET = "tool-webhook-secret-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES = List.of(WebhookEvent.SESSION_CLOSED, WebhookEvent.SESSION_REVERSED,
            WebhookEvent.MBS_COMMITTED);

    @TempDir
    Path folder;

    /** The event the tool printed that it sends: its second line. */
    private static JsonNode event(ToolRun run) throws IOException {
        return JSON.readTree(run.lines().get(1));
    }

    private static ToolRun tool(Map<String, String> environment, String... args) {
        return ToolRun.of(environment, args);
    }

    private static ToolRun webhook(String url, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "--webhook";
        args[1] = "--url";
        args[2] = url;
        System.arraycopy(more, 0, args, 3, more.length);
        return tool(Map.of("SMSSAFE_WEBHOOK_SECRET", SECRET), args);
    }

    @ParameterizedTest
    @EnumSource(Receivers.Language.class)
    void everySampleEventIsAcceptedOnceByAShopsReceiverAndItsRepeatIsADuplicate(Receivers.Language language)
            throws Exception {
        try (Receivers.Receiver receiver = Receivers.start(language, SECRET, folder)) {
            List<JsonNode> sent = new ArrayList<>();
            for (String type : TYPES) {
                ToolRun run = webhook(receiver.uri().toString(), "--type", type, "--deliveries", "2");

                assertThat(run.exitCode()).as("%s: %s\n%s", type, run, receiver.log()).isZero();
                assertThat(run.lines()).hasSize(4);
                assertThat(run.lines().get(0)).isEqualTo(type + " " + event(run).get("id").asText() + " to "
                        + receiver.uri());
                assertThat(run.lines().subList(2, 4)).containsExactly("200 accepted", "200 duplicate");
                assertThat(run.warnings()).isEmpty();
                sent.add(event(run));
            }

            List<JsonNode> acted = receiver.events();
            assertThat(acted).as("one line per event, not per delivery").hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(acted.get(i).get("id")).isEqualTo(sent.get(i).get("id"));
                assertThat(acted.get(i).get("type").asText()).isEqualTo(TYPES.get(i));
                assertThat(acted.get(i).get("data")).as("what the receiver parsed").isEqualTo(sent.get(i).get("data"));
            }
        }
    }

    @Test
    void aWrongSecretIsRefusedByTheReceiverAndTheToolExits1() throws Exception {
        try (Receivers.Receiver receiver = Receivers.start(Receivers.Language.PYTHON, SECRET, folder)) {
            Path wrong = Files.writeString(folder.resolve("wrong-secret"), "not-the-receivers-secret-0123456789\n");

            ToolRun run = tool(Map.of(), "--webhook", "--url", receiver.uri().toString(), "--secret-file",
                    wrong.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.lines().subList(2, run.lines().size())).containsExactly("400 bad signature",
                    "  not delivered: only a 2xx answer is (sms:safe would retry it)");
            assertThat(receiver.events()).as("nothing done for a forged delivery").isEmpty();
        }
    }

    @Test
    void eachRunIsANewPaymentWithTheValuesGivenAndTheIdSmsSafeWouldDerive() throws Exception {
        try (Receivers.Receiver receiver = Receivers.start(Receivers.Language.PYTHON, SECRET, folder)) {
            String url = receiver.uri().toString();
            JsonNode closed = event(webhook(url, "--safe", "4321", "--content", "order-9", "--msisdn",
                    "37069999999", "--test"));
            JsonNode again = event(webhook(url, "--safe", "4321", "--content", "order-9"));
            JsonNode reversed = event(webhook(url, "--type", "session.reversed", "--currency", "PLN"));
            JsonNode committed = event(webhook(url, "--type", "mbs.committed", "--content", "account-7"));

            assertThat(closed.get("id").asText()).isEqualTo(WebhookContract.eventId(4321, "session.closed",
                    closed.at("/data/code").asText())).isNotEqualTo(again.get("id").asText());
            assertThat(closed.get("data").fieldNames()).toIterable().containsExactly("code", "safe", "msisdn",
                    "country", "provider", "content", "messages", "total", "currency", "openedAt", "closedAt",
                    "dialect", "test");
            assertThat(closed.at("/data/code").asText()).matches("[23456789A-HJ-NP-Z]{8}");
            assertThat(closed.at("/data/content").asText()).isEqualTo("order-9");
            assertThat(closed.at("/data/msisdn").asText()).isEqualTo("37069999999");
            assertThat(closed.at("/data/test").asBoolean()).isTrue();
            assertThat(again.at("/data/test").asBoolean()).isFalse();
            assertThat(closed.get("created").asLong())
                    .isEqualTo(Instant.parse(closed.at("/data/closedAt").asText()).getEpochSecond())
                    .isCloseTo(Instant.now().getEpochSecond(), Offset.offset(5L));
            assertThat(reversed.get("data").fieldNames()).toIterable().containsExactly("session", "message", "amount");
            assertThat(reversed.get("id").asText()).isEqualTo(WebhookContract.eventId(1234, "session.reversed",
                    reversed.at("/data/session/code").asText() + "|fortumo:" + reversed.at("/data/message/messageId")
                            .asText()));
            assertThat(reversed.at("/data/message/currency").asText()).isEqualTo("PLN");
            assertThat(committed.get("id").asText()).isEqualTo(WebhookContract.eventId(1234, "mbs.committed",
                    committed.at("/data/reference").asText()));
            assertThat(committed.at("/data/ident").asText()).isEqualTo("account-7");
            assertThat(receiver.events()).extracting(e -> e.at("/data/test").asBoolean(false))
                    .as("the receiver got the test flag").startsWith(true, false);
        }
    }

    @Test
    void itPostsAsTheWarDoesSignedOverTheRawBodyAndFollowsNoRedirect() throws Exception {
        List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> seen = new java.util.TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values.get(0)));
                seen.put(":path", exchange.getRequestURI().getPath());
                seen.put(":protocol", exchange.getProtocol());
                seen.put(":body", new String(body, StandardCharsets.UTF_8));
                requests.add(seen);
                if (exchange.getRequestURI().getPath().equals("/moved")) {
                    exchange.getResponseHeaders().set("Location", "/hook");
                    exchange.sendResponseHeaders(302, -1);
                } else {
                    exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/broken") ? 500 : 204, -1);
                }
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ToolRun delivered = webhook(base + "/hook");
            ToolRun redirected = webhook(base + "/moved");
            ToolRun failed = webhook(base + "/broken");

            assertThat(delivered.exitCode()).isZero();
            assertThat(delivered.lines().get(2)).isEqualTo("204");
            Map<String, String> request = requests.get(0);
            assertThat(request).containsEntry("content-type", "application/json")
                    .containsEntry("smssafe-event", event(delivered).get("id").asText())
                    .containsEntry("user-agent", "sms:safe for Java").containsEntry(":protocol", "HTTP/1.1")
                    .doesNotContainKey("upgrade");
            assertThat(request.get(":body")).as("the body as printed, byte for byte").isEqualTo(delivered.lines()
                    .get(1));
            String[] signature = request.get("smssafe-signature").split(",");
            assertThat(signature[0]).matches("t=\\d+");
            long t = Long.parseLong(signature[0].substring(2));
            assertThat(signature[1]).as("the JDK's own HMAC over t and the raw body").isEqualTo("v1="
                    + WebhookContract.v1(SECRET, t, request.get(":body").getBytes(StandardCharsets.UTF_8)));

            assertThat(redirected.exitCode()).isEqualTo(1);
            assertThat(redirected.lines().subList(2, 4)).containsExactly("302",
                    "  not delivered: redirects are not followed (sms:safe would retry it); answer at this URL");
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.lines().get(2)).isEqualTo("500");
            assertThat(requests).extracting(r -> r.get(":path")).as("the redirect not followed")
                    .containsExactly("/hook", "/moved", "/broken");
            assertThat(String.join("\n", delivered.lines()) + redirected.lines() + failed.lines())
                    .as("neither the secret nor a signature is printed").doesNotContain(SECRET, signature[1]);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aReceiverThatIsNotThereIsNotDelivered() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        ToolRun run = webhook("http://127.0.0.1:" + port + "/");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines().get(2)).startsWith("cannot reach http://127.0.0.1:" + port + "/: ")
                .endsWith(": not delivered, sms:safe would retry it");
    }

    @Test
    void theSecretComesFromAFileTheEnvironmentOrAFlagThatIsWarnedAboutAndIsNeverPrinted() throws Exception {
        try (Receivers.Receiver receiver = Receivers.start(Receivers.Language.PYTHON, SECRET, folder)) {
            String url = receiver.uri().toString();
            Path file = Files.writeString(folder.resolve("webhook-secret"), SECRET + "\n");

            ToolRun fromFile = tool(Map.of(), "--webhook", "--url", url, "--secret-file", file.toString());
            ToolRun fromEnvironment = tool(Map.of("SMSSAFE_WEBHOOK_SECRET", SECRET), "--webhook", "--url", url);
            ToolRun fromFlag = tool(Map.of(), "--webhook", "--url", url, "--secret", SECRET);
            ToolRun fortumosIsNotIt = tool(Map.of("SMSSAFE_FORTUMO_SECRET", SECRET), "--webhook", "--url", url);

            assertThat(List.of(fromFile, fromEnvironment, fromFlag)).allSatisfy(run -> {
                assertThat(run.exitCode()).as("%s", run).isZero();
                assertThat(run.lines().get(2)).isEqualTo("200 accepted");
                assertThat(String.join("\n", run.lines()) + run.warnings()).doesNotContain(SECRET);
            });
            assertThat(fromFile.warnings()).isEmpty();
            assertThat(fromEnvironment.warnings()).isEmpty();
            assertThat(fromFlag.warnings()).containsExactly("warning: --secret on the command line is seen by every"
                    + " user of this machine (ps) and kept in the shell's history; use --secret-file or"
                    + " SMSSAFE_WEBHOOK_SECRET instead");
            assertThat(fortumosIsNotIt.exitCode()).isEqualTo(2);
            assertThat(fortumosIsNotIt.lines().get(0)).isEqualTo("--url and the webhook secret (--secret-file or"
                    + " SMSSAFE_WEBHOOK_SECRET) are required");
            assertThat(receiver.events()).hasSize(3);
        }
    }

    @Test
    void mistakesAreExplainedAndNothingIsSent() {
        String loopback = "http://127.0.0.1:9/hook";
        assertThat(firstLine(webhook(loopback, "--dialect", "fortumo")))
                .isEqualTo("--dialect is not for --webhook, which sends a sample event to your receiver");
        assertThat(firstLine(webhook(loopback, "--type", "session.opened")))
                .isEqualTo("--type must be one of session.closed, session.reversed, mbs.committed, not"
                        + " 'session.opened'");
        assertThat(firstLine(webhook("http://shop.example/hook"))).isEqualTo("--url, like webhook.url, must be"
                + " https: (http: only to a loopback address such as http://127.0.0.1/, for testing), not"
                + " 'http://shop.example/hook'");
        assertThat(firstLine(webhook(loopback, "--safe", "one"))).isEqualTo("--safe must be a number, not 'one'");
        assertThat(firstLine(webhook(loopback, "--deliveries", "0")))
                .isEqualTo("--deliveries must be a number from 1, not '0'");
        assertThat(firstLine(tool(Map.of("SMSSAFE_WEBHOOK_SECRET", "short"), "--webhook", "--url", loopback)))
                .isEqualTo("the webhook secret, like webhook.secret, must be at least 32 characters");
        assertThat(firstLine(tool(Map.of(), "--url", loopback, "--safe", "1234", "--passkey", "demo-passkey",
                "--type", "mbs.committed"))).isEqualTo("--type is for --webhook");
    }

    private static String firstLine(ToolRun run) {
        assertThat(run.exitCode()).as("a usage mistake: %s", run).isEqualTo(2);
        return run.lines().get(0);
    }
}
