package lt.smssafe.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lt.smssafe.sms.dialect.fortumo.FortumoRequest;
import lt.smssafe.sms.dialect.fortumo.FortumoSigner;
import lt.smssafe.sms.dialect.paysera.PayseraRequest;
import lt.smssafe.sms.dialect.smssafe.NotificationRequest;
import lt.smssafe.sms.dialect.smssafe.NotificationSigner;
import lt.smssafe.sms.dialect.smssafe.Passkey;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;

/**
 * Sends correctly signed notifications to any {@code /result} (or, with {@code --dialect}, {@code /fortumo} and
 * {@code /paysera}), as the gateway would, and prints each status and reply — for site owners testing their own
 * deployment (like {@code stripe trigger}). This class is the command line; each gateway's request is built and signed
 * by its dialect's builder ({@link NotificationRequest}, {@link FortumoRequest}, {@link PayseraRequest}):
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
 */
public final class SendNotification {
    private static final String USAGE = """
            usage: SendNotification --url URL --safe ID [--passkey-file FILE] [options]
                   SendNotification --dialect fortumo --url URL [--secret-file FILE] [--service-id ID] [options]
                   SendNotification --dialect paysera --url URL --project-id ID [--password-file FILE]
                                    [--private-key PKCS8.pem | --encrypted] [options]
              --passkey-file, --secret-file, --password-file FILE
                                         the secret is the file's text (trimmed); without the option it is read
                                         from SMSSAFE_PASSKEY, SMSSAFE_FORTUMO_SECRET, SMSSAFE_PAYSERA_PASSWORD;
                                         --passkey, --secret, --password SECRET work too (and win), with a
                                         warning: ps shows them to every user, the shell history keeps them
              --dialect smssafe|fortumo|paysera   the gateway to sign as (default smssafe, /result)
              --scheme hmac-sha256|md5   sms:safe signature scheme (default hmac-sha256)
              --status pending|ok|failed Fortumo: a paid message (default) or its billing report
              --keyword WORDS            Fortumo and Paysera: the keyword the buyer's SMS starts with, as the
                                         rates give it (default TXT SAFE for Fortumo, SAFE for Paysera); the
                                         buyer sends "<keyword> <content>": Fortumo passes the keyword as
                                         keyword and the content as message, Paysera the whole SMS as sms
                                         and the keyword as key
              --test                     Fortumo and Paysera: flag the message as the gateway's test
              --private-key FILE         Paysera: the PKCS#8 PEM key that makes ss2 and ss3 besides ss1
                                         (a site with paysera.public-key refuses ss1 alone)
              --encrypted                Paysera: send data encrypted with the password and no signature
              --msisdn --country --provider --shortcode --content --cost --currency --message-id --time
                                         the notification's values (defaults: a test phone in lt/bite_lt)
              --set NAME=VALUE           any parameter after signing, e.g. --set sign=00 to send a wrong one
              --messages N               send a whole session of N messages (default 1)
              --wait DURATION            before the last of N messages, wait this long (ISO-8601, e.g. PT30S)
              --post                     send form-encoded POST instead of GET""";

    /** The phone and the text of a message whose values are not given: a test phone in lt/bite_lt. */
    private static final String DEFAULT_MSISDN = "37060000000";
    private static final String DEFAULT_CONTENT = "test";

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
     * Runs the command; returns the exit code (0 all answered 200 with replies of one session, or help was asked
     * for; 1 otherwise; 2 for a usage
     * mistake).
     */
    public int run(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args, environment);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        options.secretsOnCommandLine.forEach(flag -> err.println("warning: " + flag + " on the command line is seen"
                + " by every user of this machine (ps) and kept in the shell's history; use " + flag + "-file or "
                + Options.SECRET_VARIABLES.get(flag) + " instead"));
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
    private Map<String, String> notification(Options options, String messageId) {
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
    private Map<String, String> fortumo(Options options, String messageId) {
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
    private Map<String, String> paysera(Options options, String messageId) {
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

    private HttpResponse<String> send(Options options, Map<String, String> params) {
        String form = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
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

    /** The parsed command line. */
    private static final class Options {
        /** Each secret's flag, and the environment variable that holds it when neither the flag nor its file is given. */
        static final Map<String, String> SECRET_VARIABLES = Map.of("--passkey", "SMSSAFE_PASSKEY", "--secret",
                "SMSSAFE_FORTUMO_SECRET", "--password", "SMSSAFE_PAYSERA_PASSWORD");
        private static final Map<String, String> VALUE_FLAGS = Map.of("--msisdn", "msisdn", "--country", "country",
                "--provider", "provider", "--shortcode", "shortcode", "--content", "content", "--cost", "cost_local",
                "--currency", "currency", "--message-id", "message_id", "--time", "time");

        URI url;
        String dialect = "smssafe";
        String safe;
        Passkey passkey;
        String secret;
        String serviceId = "";
        /** The gateway's keyword, {@code --keyword}; null for the dialect's default. */
        String keyword;
        String status = "pending";
        boolean test;
        String projectId;
        String password;
        PrivateKey privateKey;
        boolean encrypted;
        SignatureScheme scheme = SignatureScheme.HMAC_SHA256;
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, String> overrides = new LinkedHashMap<>();
        int messages = 1;
        Duration wait = Duration.ZERO;
        boolean post;
        /** The secrets' flags given with the secret itself, in their order: each gets a warning. */
        final List<String> secretsOnCommandLine = new ArrayList<>();
        private final Map<String, String> secrets = new LinkedHashMap<>();

        static Options parse(String[] args, Function<String, String> environment) {
            Options o = new Options();
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String flag = rest.remove(0);
                if (flag.equals("--post") || flag.equals("--test") || flag.equals("--encrypted")) {
                    o.post |= flag.equals("--post");
                    o.test |= flag.equals("--test");
                    o.encrypted |= flag.equals("--encrypted");
                    continue;
                }
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = rest.remove(0);
                switch (flag) {
                    case "--url" -> o.url = URI.create(value);
                    case "--dialect" -> o.dialect = oneOf("--dialect", value, "smssafe", "fortumo", "paysera");
                    case "--secret", "--passkey", "--password" -> {
                        o.secrets.put(flag, value);
                        o.secretsOnCommandLine.add(flag);
                    }
                    case "--secret-file", "--passkey-file", "--password-file" ->
                        o.secrets.putIfAbsent(flag.substring(0, flag.length() - "-file".length()), secretFile(flag,
                                value));
                    case "--service-id" -> o.serviceId = value;
                    case "--keyword" -> o.keyword = keyword(value);
                    case "--status" -> o.status = oneOf("--status", value, "pending", "ok", "failed");
                    case "--project-id" -> o.projectId = value;
                    case "--private-key" -> o.privateKey = privateKey(value);
                    case "--safe" -> o.safe = value;
                    case "--scheme" -> o.scheme = SignatureScheme.parse(value);
                    case "--messages" -> o.messages = count(value);
                    case "--wait" -> o.wait = Duration.parse(value);
                    case "--set" -> {
                        int eq = value.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("--set needs NAME=VALUE, not '" + value + "'");
                        }
                        o.overrides.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                    default -> {
                        String name = VALUE_FLAGS.get(flag);
                        if (name == null) {
                            throw new IllegalArgumentException("unknown option " + flag);
                        }
                        o.values.put(name, value);
                    }
                }
            }
            SECRET_VARIABLES.forEach((flag, variable) -> {
                String fromEnvironment = environment.apply(variable);
                if (!o.secrets.containsKey(flag) && fromEnvironment != null && !fromEnvironment.isBlank()) {
                    o.secrets.put(flag, fromEnvironment.strip());
                }
            });
            o.secret = o.secrets.get("--secret");
            o.password = o.secrets.get("--password");
            if (o.secrets.containsKey("--passkey")) {
                o.passkey = Passkey.of(o.secrets.get("--passkey"));
            }
            if (o.keyword != null && o.dialect.equals("smssafe")) {
                throw new IllegalArgumentException("--keyword is for --dialect fortumo or paysera: sms:safe's"
                        + " provider strips the prefix and safe id itself (set --content to what follows them)");
            }
            boolean complete = o.url != null && switch (o.dialect) {
                case "fortumo" -> o.secret != null;
                case "paysera" -> o.projectId != null && o.password != null;
                default -> o.safe != null && o.passkey != null;
            };
            if (!complete) {
                throw new IllegalArgumentException(switch (o.dialect) {
                    case "fortumo" -> "--url and the secret (--secret-file or SMSSAFE_FORTUMO_SECRET) are required";
                    case "paysera" -> "--url, --project-id and the password (--password-file or"
                            + " SMSSAFE_PAYSERA_PASSWORD) are required";
                    default -> "--url, --safe and the passkey (--passkey-file or SMSSAFE_PASSKEY) are required";
                });
            }
            return o;
        }

        /** The value given for this notification parameter's name, or the default. */
        String value(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }

        /** Hands the value given for this notification parameter's name on, if one was. */
        void ifGiven(String name, java.util.function.Consumer<String> use) {
            String value = values.get(name);
            if (value != null) {
                use.accept(value);
            }
        }

        /** The keyword the buyer's SMS starts with, for this dialect: {@code --keyword}, else the demo's. */
        String keyword() {
            return keyword != null ? keyword : dialect.equals("fortumo") ? "TXT SAFE" : "SAFE";
        }

        /** One or more words, spaces between them made single, as a gateway writes its keyword. */
        private static String keyword(String value) {
            String words = value.strip().replaceAll("\\s+", " ");
            if (words.isEmpty() || words.length() > 64 || words.indexOf('=') >= 0) {
                throw new IllegalArgumentException("--keyword must be 1-64 characters of words without '=', not '"
                        + value + "'");
            }
            return words;
        }

        /** A secret's file: its whole text, without the line break an editor or {@code echo} leaves at its end. */
        private static String secretFile(String flag, String file) {
            try {
                String secret = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
                if (secret.isEmpty()) {
                    throw new IllegalArgumentException(flag + ": " + file + " is empty");
                }
                return secret;
            } catch (IOException | java.nio.file.InvalidPathException e) {
                throw new IllegalArgumentException(flag + ": cannot read " + file + ": " + e.getMessage());
            }
        }

        private static String oneOf(String flag, String value, String... allowed) {
            if (!List.of(allowed).contains(value)) {
                throw new IllegalArgumentException(flag + " must be one of " + String.join(", ", allowed)
                        + ", not '" + value + "'");
            }
            return value;
        }

        /** A PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) RSA key. */
        private static PrivateKey privateKey(String file) {
            try {
                String pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII)
                        .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                        Base64.getDecoder().decode(pem)));
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalArgumentException("--private-key: cannot read a PKCS#8 PEM RSA key from " + file
                        + ": " + e.getMessage());
            }
        }

        private static int count(String value) {
            if (!value.matches("\\d{1,3}") || Integer.parseInt(value) < 1) {
                throw new IllegalArgumentException("--messages must be a number from 1, not '" + value + "'");
            }
            return Integer.parseInt(value);
        }
    }
}
