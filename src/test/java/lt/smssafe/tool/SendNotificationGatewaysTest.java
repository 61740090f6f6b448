package lt.smssafe.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lt.smssafe.sms.PaidMessage;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.TestPolicy;
import lt.smssafe.sms.dialect.fortumo.FortumoConfig;
import lt.smssafe.sms.dialect.fortumo.FortumoDialect;
import lt.smssafe.sms.dialect.paysera.PayseraCodec;
import lt.smssafe.sms.dialect.paysera.PayseraConfig;
import lt.smssafe.sms.dialect.paysera.PayseraDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code --dialect fortumo} and {@code --dialect paysera} send is what the gateway sends for a buyer who typed
 * {@code <keyword> <content>} (docs/protocol.md §5, "What content is"): caught by a local server and read by the
 * production dialects, whose {@code content} is then exactly {@code --content}.
 */
class SendNotificationGatewaysTest {
    private static final String SECRET = "tool-test-secret";
    private static final String PASSWORD = "tool-test-password";

    private HttpServer server;
    // written on the server's thread, read on the test's
    private final List<Map<String, String[]>> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(parameters(exchange.getRequestURI().getRawQuery()));
                byte[] body = "your message is received, session 7KQ2M9XA started".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private int tool(String... args) {
        return new SendNotification(Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                name -> null).run(args);
    }

    private static Map<String, String[]> parameters(String query) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    new String[] {URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)});
        }
        return parameters;
    }

    private static String one(Map<String, String[]> parameters, String name) {
        return parameters.get(name)[0];
    }

    @Test
    void asFortumoTheKeywordGoesInKeywordAndWhatFollowsItInMessage() throws Exception {
        assertThat(tool("--dialect", "fortumo", "--url", url(), "--secret", SECRET, "--content", "order-42"))
                .isZero();
        assertThat(tool("--dialect", "fortumo", "--url", url(), "--secret", SECRET, "--content", "order-42",
                "--keyword", " PAY  NOW ")).isZero();

        assertThat(received).extracting(p -> one(p, "keyword"), p -> one(p, "message")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TXT SAFE", "order-42"),
                org.assertj.core.groups.Tuple.tuple("PAY NOW", "order-42"));
        FortumoDialect fortumo = new FortumoDialect(new FortumoConfig(SECRET, Optional.empty(), TestPolicy.ACCEPT),
                AddressFilter.allowAll());
        for (Map<String, String[]> request : received) {
            assertThat(((PaidMessage) fortumo.read(new GatewayRequest("127.0.0.1", request))).content())
                    .isEqualTo("order-42");
        }
    }

    @Test
    void asPayseraTheWholeSmsGoesInSmsAndTheKeywordInKey() throws Exception {
        assertThat(tool("--dialect", "paysera", "--url", url(), "--project-id", "31313", "--password", PASSWORD,
                "--content", "order-42")).isZero();
        assertThat(tool("--dialect", "paysera", "--url", url(), "--project-id", "31313", "--password", PASSWORD,
                "--content", "order-42", "--keyword", "PAY NOW")).isZero();

        List<Map<String, String[]>> fields = received.stream().map(p -> parameters(new String(
                PayseraCodec.decode(one(p, "data")).orElseThrow(), StandardCharsets.UTF_8))).toList();
        assertThat(fields).extracting(f -> one(f, "sms"), f -> one(f, "key")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SAFE order-42", "SAFE"),
                org.assertj.core.groups.Tuple.tuple("PAY NOW order-42", "PAY NOW"));
        PayseraDialect paysera = new PayseraDialect(new PayseraConfig(31313, PASSWORD, Optional.empty(),
                TestPolicy.ACCEPT), AddressFilter.allowAll());
        for (Map<String, String[]> request : received) {
            assertThat(((PaidMessage) paysera.read(new GatewayRequest("127.0.0.1", request))).content())
                    .isEqualTo("order-42");
        }
    }

    @Test
    void aKeywordForSmsSafeIsAUsageMistake() {
        assertThat(tool("--url", url(), "--safe", "1234", "--passkey", "demo-passkey", "--keyword", "SAFE"))
                .isEqualTo(2);
        assertThat(received).as("nothing sent").isEmpty();
    }
}
