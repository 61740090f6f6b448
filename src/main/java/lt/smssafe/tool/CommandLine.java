package lt.smssafe.tool;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import lt.smssafe.sms.dialect.smssafe.Passkey;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.webhook.WebhookConfig;
import lt.smssafe.webhook.WebhookEvent;

/**
 * The signed-notification tool's command line, parsed and checked: which gateway, where, its secret (from a flag, a
 * file or the environment), the notification's values and what to override after signing; or, with
 * {@code --webhook}, which sample webhook event goes to which receiver, signed with which secret.
 */
final class CommandLine {
    /** What {@code --help} prints, and a usage mistake. */
    static final String USAGE = """
            usage: SendNotification --url URL --safe ID [--passkey-file FILE] [options]
                   SendNotification --dialect fortumo --url URL [--secret-file FILE] [--service-id ID] [options]
                   SendNotification --dialect paysera --url URL --project-id ID [--password-file FILE]
                                    [--private-key PKCS8.pem | --encrypted] [options]
                   SendNotification --webhook --url URL [--secret-file FILE] [--type TYPE] [webhook options]
              --passkey-file, --secret-file, --password-file FILE
                                         the secret is the file's text (trimmed); without the option it is read
                                         from SMSSAFE_PASSKEY, SMSSAFE_FORTUMO_SECRET, SMSSAFE_PAYSERA_PASSWORD
                                         (with --webhook: SMSSAFE_WEBHOOK_SECRET);
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
              --post                     send form-encoded POST instead of GET
            webhook: a sample event, signed with your webhook.secret as sms:safe signs it, POSTed to your receiver
              --webhook                  send a webhook event (docs/webhooks.md) instead of a notification
              --type session.closed|session.reversed|mbs.committed   the event (default session.closed); each
                                         run makes a new payment, so a new event id
              --deliveries N             deliver the same event N times, as sms:safe's retries do (same id, new
                                         signature): from the second on, your receiver must answer 2xx and not
                                         act again (default 1)
              --safe --msisdn --country --provider --content --currency --test
                                         the sample payment's values (defaults: safe 1234, a test phone in
                                         lt/bite_lt, content test, EUR); --content is the MBS ident too""";

    /** Each secret's flag, and the environment variable that holds it when neither the flag nor its file is given. */
    static final Map<String, String> SECRET_VARIABLES = Map.of("--passkey", "SMSSAFE_PASSKEY", "--secret",
            "SMSSAFE_FORTUMO_SECRET", "--password", "SMSSAFE_PAYSERA_PASSWORD");
    /** With {@code --webhook}, {@code --secret} is the webhook's, from this variable (the receivers' too). */
    static final String WEBHOOK_SECRET_VARIABLE = "SMSSAFE_WEBHOOK_SECRET";
    /** The options a webhook event takes; any other is a mistake with {@code --webhook}. */
    private static final Set<String> WEBHOOK_FLAGS = Set.of("--webhook", "--url", "--secret", "--secret-file",
            "--type", "--deliveries", "--safe", "--msisdn", "--country", "--provider", "--content", "--currency",
            "--test");
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
    /** {@code --webhook}: a webhook event to a shop's receiver, not a notification to sms:safe. */
    boolean webhook;
    /** The webhook event's type, {@code --type}. */
    String type = WebhookEvent.SESSION_CLOSED;
    /** How many times the webhook event is delivered, {@code --deliveries}. */
    int deliveries = 1;
    /** With {@code --webhook}: where to and the secret, checked as sms:safe checks its webhook keys. */
    WebhookConfig webhookConfig;
    /** The secrets' flags given with the secret itself, in their order: each gets a warning. */
    final List<String> secretsOnCommandLine = new ArrayList<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();

    static CommandLine parse(String[] args, Function<String, String> environment) {
        CommandLine o = new CommandLine();
        List<String> rest = new ArrayList<>(List.of(args));
        Set<String> given = new LinkedHashSet<>();
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            given.add(flag);
            if (flag.equals("--post") || flag.equals("--test") || flag.equals("--encrypted")
                    || flag.equals("--webhook")) {
                o.post |= flag.equals("--post");
                o.test |= flag.equals("--test");
                o.encrypted |= flag.equals("--encrypted");
                o.webhook |= flag.equals("--webhook");
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
                case "--messages" -> o.messages = count(flag, value);
                case "--type" -> o.type = oneOf("--type", value, WebhookEvent.SESSION_CLOSED,
                        WebhookEvent.SESSION_REVERSED, WebhookEvent.MBS_COMMITTED);
                case "--deliveries" -> o.deliveries = count(flag, value);
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
        SECRET_VARIABLES.keySet().forEach(flag -> {
            String fromEnvironment = environment.apply(o.secretVariable(flag));
            if (!o.secrets.containsKey(flag) && fromEnvironment != null && !fromEnvironment.isBlank()) {
                o.secrets.put(flag, fromEnvironment.strip());
            }
        });
        o.secret = o.secrets.get("--secret");
        if (o.webhook) {
            return o.checkedForWebhook(given);
        }
        for (String webhookOnly : List.of("--type", "--deliveries")) {
            if (given.contains(webhookOnly)) {
                throw new IllegalArgumentException(webhookOnly + " is for --webhook");
            }
        }
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

    /**
     * The environment variable that holds this secret's flag's secret: {@code --secret}'s is Fortumo's, or with
     * {@code --webhook} the webhook's.
     */
    String secretVariable(String flag) {
        return webhook && flag.equals("--secret") ? WEBHOOK_SECRET_VARIABLE : SECRET_VARIABLES.get(flag);
    }

    /** A webhook command line: only the webhook's options, the URL and secret as sms:safe's keys want them. */
    private CommandLine checkedForWebhook(Set<String> given) {
        for (String flag : given) {
            if (!WEBHOOK_FLAGS.contains(flag)) {
                throw new IllegalArgumentException(flag + " is not for --webhook, which sends a sample event to"
                        + " your receiver");
            }
        }
        if (url == null || secret == null) {
            throw new IllegalArgumentException("--url and the webhook secret (--secret-file or "
                    + WEBHOOK_SECRET_VARIABLE + ") are required");
        }
        if (safe != null && !safe.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("--safe must be a number, not '" + safe + "'");
        }
        try {
            WebhookConfig.checkUrl(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url, like webhook.url, " + e.getMessage(), e);
        }
        try {
            WebhookConfig.checkSecret(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook secret, like webhook.secret, " + e.getMessage(), e);
        }
        webhookConfig = new WebhookConfig(url, secret);
        return this;
    }

    /** The value given for this notification parameter's name, or the default. */
    String value(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /** Hands the value given for this notification parameter's name on, if one was. */
    void ifGiven(String name, Consumer<String> use) {
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

    private static int count(String flag, String value) {
        if (!value.matches("\\d{1,3}") || Integer.parseInt(value) < 1) {
            throw new IllegalArgumentException(flag + " must be a number from 1, not '" + value + "'");
        }
        return Integer.parseInt(value);
    }
}
