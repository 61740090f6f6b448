package lt.smssafe.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.smssafe.sms.dialect.fortumo.FortumoRequest;
import lt.smssafe.sms.dialect.fortumo.FortumoSigner;
import lt.smssafe.sms.dialect.paysera.PayseraRequest;
import lt.smssafe.sms.dialect.smssafe.NotificationRequest;
import lt.smssafe.sms.dialect.smssafe.NotificationSigner;
import lt.smssafe.sms.dialect.FormQuery;

/**
 * Sends correctly signed notifications to any {@code /result} (or, with {@code --dialect}, {@code /fortumo} and
 * {@code /paysera}), as the gateway would, and prints each status and reply — for site owners testing their own
 * deployment (like {@code stripe trigger}). This class runs the command ({@link CommandLine} reads it); each gateway's
 * request is built and signed by its dialect's builder ({@link NotificationRequest}, {@link FortumoRequest},
 * {@link PayseraRequest}):
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=lt.smssafe.tool.SendNotification \
 *     -Dexec.args="--url https://your.site/smssafe/result --safe 1234 --passkey … --messages 3 --wait PT24H"
 * </pre>
 *
 * Every parameter of docs/protocol.md §2 has a default and can be overridden ({@code --msisdn}, {@code --content}, …,
 * or {@code --set name=value} for any parameter, even {@code sign}). A secret (the passkey, Fortumo's secret,
 * Paysera's password) is best read from a file ({@code --passkey-file}, …) or from the environment variable that also
 * configures the WAR ({@code SMSSAFE_PASSKEY}, {@code SMSSAFE_FORTUMO_SECRET}, {@code SMSSAFE_PAYSERA_PASSWORD}):
 * given on the command line it is visible to every user of the machine ({@code ps}) and kept in the shell's history,
 * and the tool warns on stderr. Exit code 0 when every answer was 200 and every
 * reply named the same session (a 200 with a rejection text, such as the wait's, is a failure and says why).
 *
 * <p>With {@code --webhook} it plays sms:safe instead, for a shop testing its webhook receiver: a sample event of
 * {@code --type} ({@code session.closed}, {@code session.reversed}, {@code mbs.committed}), signed with the webhook
 * secret ({@code --secret-file} or {@code SMSSAFE_WEBHOOK_SECRET}), POSTed to {@code --url} ({@link SendWebhook});
 * exit code 0 when every answer was 2xx.
 */
public final class SendNotification {
    /** The phone and the text of a message whose values are not given: a test phone in lt/bite_lt. */
    static final String DEFAULT_MSISDN = "37060000000";
    static final String DEFAULT_CONTENT = "test";

    /** A session code (docs/protocol.md §3) standing alone in a reply. */
    private static final Pattern SESSION_CODE = Pattern.compile("(?<![0-9A-Z])([23456789A-HJ-NP-Z]{8})(?![0-9A-Z])");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;

    /**
     * A sender that reads the time from {@code clock}, prints to {@code out}, warns on {@code System.err} and reads
     * secrets from the process's environment.
     */
    public SendNotification(Clock clock, PrintStream out) {
        this(clock, out, System.err, System::getenv);
    }

    /** As above, with the warnings going to {@code err} and the environment's variables read from {@code environment}. */
    public SendNotification(Clock clock, PrintStream out, PrintStream err, Function<String, String> environment) {
        this.clock = clock;
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new SendNotification(Clock.systemUTC(), System.out).run(args));
    }

    /**
     * Runs the command; returns the exit code (0 all answered 200 with replies of one session, or with
     * {@code --webhook} all answered 2xx, or help was asked for; 1 otherwise; 2 for a usage mistake).
     */
    public int run(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(CommandLine.USAGE);
            return 0;
        }
        CommandLine options;
        try {
            options = CommandLine.parse(args, environment);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            out.println(e.getMessage());
            out.println(CommandLine.USAGE);
            return 2;
        }
        options.secretsOnCommandLine.forEach(flag -> err.println("warning: " + flag + " on the command line is seen"
                + " by every user of this machine (ps) and kept in the shell's history; use " + flag + "-file or "
                + options.secretVariable(flag) + " instead"));
        if (options.webhook) {
            return new SendWebhook(http, clock, out).run(options);
        }
        boolean allOk = true;
        List<String> codes = new ArrayList<>();
        String idBase = options.values.getOrDefault("message_id", "tool-" + UUID.randomUUID());
        for (int i = 1; i <= options.messages; i++) {
            if (i == options.messages && i > 1 && !options.wait.isZero()) {
                out.println("waiting " + options.wait + " before the last message…");
                sleep(options.wait);
            }
            String messageId = options.messages == 1 ? idBase : idBase + "-" + i;
            Map<String, String> params = switch (options.dialect) {
                case "fortumo" -> fortumo(options, messageId);
                case "paysera" -> paysera(options, messageId);
                default -> notification(options, messageId);
            };
            HttpResponse<String> response;
            try {
                response = send(options, params);
            } catch (IllegalStateException e) {
                out.println(e.getMessage());
                return 1;
            }
            out.println(response.statusCode() + " " + response.body());
            allOk &= response.statusCode() == 200;
            boolean paidMessage = !options.dialect.equals("fortumo") || options.status.equals("pending");
            if (response.statusCode() == 200 && paidMessage) {
                Optional<String> problem = sessionProblem(response.body(), codes);
                if (problem.isPresent()) {
                    out.println("  not what a session expects: " + problem.get());
                    allOk = false;
                }
            }
        }
        return allOk ? 0 : 1;
    }

    /** The notification of docs/protocol.md §2, signed with the passkey; the tool's values over the defaults. */
    private Map<String, String> notification(CommandLine options, String messageId) {
        NotificationRequest request = new NotificationRequest(options.safe, messageId, DEFAULT_MSISDN,
                DEFAULT_CONTENT, String.valueOf(clock.instant().getEpochSecond()));
        // the values are named as the notification names them; message_id is this message's
        options.values.forEach((name, value) -> {
            if (!name.equals("message_id")) {
                request.set(name, value);
            }
        });
        Map<String, String> params = request.signedWith(new NotificationSigner(options.scheme, options.passkey));
        params.putAll(options.overrides);
        return params;
    }

    /**
     * Why a 200 reply is not one a paying session gets, if it is not: every counted message's reply names its
     * session's code (in any of the site's languages), and all messages of one run name the same one. A reply
     * without a code is a rejection the gateway sent to the phone as an SMS (the wait, or a sender not identified).
     */
    private static Optional<String> sessionProblem(String reply, List<String> codes) {
        Matcher code = SESSION_CODE.matcher(reply);
        if (!code.find()) {
            return Optional.of("the reply names no session, so the message was not counted");
        }
        if (!codes.isEmpty() && !codes.get(0).equals(code.group(1))) {
            return Optional.of("session " + code.group(1) + " instead of " + codes.get(0)
                    + ": the phone had another session open");
        }
        codes.add(code.group(1));
        return Optional.empty();
    }

    /** Fortumo's parameters, signed as Fortumo signs: every one sorted by name, MD5 with the secret appended. */
    private Map<String, String> fortumo(CommandLine options, String messageId) {
        // what the buyer typed after the keyword (docs/protocol.md §5): Fortumo routes by the keyword and strips it
        FortumoRequest request = new FortumoRequest(messageId, options.value("msisdn", DEFAULT_MSISDN),
                options.keyword(), options.value("content", DEFAULT_CONTENT)).serviceId(options.serviceId)
                .set("status", options.status).test(options.test);
        options.ifGiven("country", country -> request.set("country", country));
        options.ifGiven("cost_local", price -> request.set("price", price));
        options.ifGiven("currency", currency -> request.set("currency", currency));
        options.ifGiven("shortcode", shortcode -> request.set("shortcode", shortcode));
        options.ifGiven("provider", operator -> request.set("operator", operator));
        Map<String, String> params = request.signedWith(new FortumoSigner(options.secret));
        params.putAll(options.overrides);
        return params;
    }

    /** Paysera's {@code data} with {@code ss1} (and {@code ss2}, {@code ss3} with a private key), or encrypted. */
    private Map<String, String> paysera(CommandLine options, String messageId) {
        // the buyer's whole SMS: Paysera leaves the keyword in and names it in key
        PayseraRequest request = new PayseraRequest(options.projectId, messageId,
                options.value("msisdn", DEFAULT_MSISDN), options.keyword(), options.value("content", DEFAULT_CONTENT))
                .test(options.test);
        options.ifGiven("shortcode", shortcode -> request.set("to", shortcode));
        options.ifGiven("provider", operator -> request.set("operator", operator));
        options.ifGiven("cost_local", request::price);
        options.ifGiven("currency", currency -> request.set("currency", currency));
        options.ifGiven("country", country -> request.set("country", country));
        Map<String, String> params = options.encrypted ? request.encryptedWith(options.password)
                : options.privateKey == null ? request.signedWith(options.password, null, "ss1")
                : request.signedWith(options.password, options.privateKey, "ss1", "ss2", "ss3");
        params.putAll(options.overrides);
        return params;
    }

    private HttpResponse<String> send(CommandLine options, Map<String, String> params) {
        String form = FormQuery.of(params);
        HttpRequest.Builder request = options.post
                ? HttpRequest.newBuilder(options.url).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                : HttpRequest.newBuilder(URI.create(options.url + (options.url.getRawQuery() == null ? "?" : "&")
                        + form)).GET();
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + options.url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
