package lt.smssafe.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;
import lt.smssafe.mbs.MbsConfig;
import lt.smssafe.mbs.ReportUrlTemplate;
import lt.smssafe.notify.AddressFilter;
import lt.smssafe.notify.Passkey;
import lt.smssafe.notify.SignatureScheme;
import lt.smssafe.session.Language;

/**
 * This installation's configuration (PROTOCOL.md §1), every key validated. Built once at start-up by
 * {@link #resolve}; a missing or wrong key stops the deployment there rather than at the first paid SMS.
 *
 * <p>A blank value of an optional key means its default ("none" for {@code rates.url} and {@code action}, allow
 * everyone for {@code notify.allow}); a blank required key is missing.
 */
public final class Settings {
    /** The JNDI name of the DataSource when the {@code datasource} key is not set. */
    public static final String DEFAULT_DATASOURCE = "java:comp/env/jdbc/smssafe";

    private static final Pattern SAFE = Pattern.compile("\\d{1,10}");
    private static final Pattern MESSAGES = Pattern.compile("\\d{1,3}");
    private static final Pattern RATES_SCHEME = Pattern.compile("(?i)(https?|file):.*");
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                    + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private final long safe;
    private final Passkey passkey;
    private final SignatureScheme signature;
    private final Duration maxSkew;
    private final int messages;
    private final Duration delay;
    private final Language language;
    private final Optional<String> ratesUrl;
    private final Duration ratesRefresh;
    private final Path dataDir;
    private final String datasource;
    private final boolean datasourceExplicit;
    private final boolean schemaAuto;
    private final Optional<String> action;
    private final AddressFilter notifyAllow;
    private final Optional<MbsConfig> mbs;

    /** Reads the keys in the order of the table in PROTOCOL.md §1, so the first bad key is the one reported. */
    private Settings(Keys keys, Properties systemProperties) {
        safe = keys.required("safe", Settings::safeId);
        passkey = keys.required("passkey", Passkey::of);
        signature = keys.optional("signature", SignatureScheme::parse).orElse(SignatureScheme.HMAC_SHA256);
        maxSkew = keys.optional("max-skew", Settings::positive).orElse(Duration.ofHours(1));
        messages = keys.optional("messages", Settings::messageCount).orElse(3);
        delay = keys.optional("delay", Durations::parse).orElse(Duration.ofHours(24));
        language = keys.optional("language", Language::parse).orElse(Language.EN);
        ratesUrl = keys.optional("rates.url", Settings::ratesUrl);
        ratesRefresh = keys.optional("rates.refresh", Settings::positive).orElse(Duration.ofHours(1));
        dataDir = keys.optional("data.dir", Settings::path).orElseGet(() -> defaultDataDir(systemProperties));
        Optional<String> namedDatasource = keys.optional("datasource", Function.identity());
        datasource = namedDatasource.orElse(DEFAULT_DATASOURCE);
        datasourceExplicit = namedDatasource.isPresent();
        schemaAuto = keys.optional("schema.auto", Settings::bool).orElse(true);
        action = keys.optional("action", Settings::className);
        notifyAllow = keys.optional("notify.allow", AddressFilter::parse).orElseGet(AddressFilter::allowAll);
        mbs = mbs(keys);
    }

    /**
     * MBS direct billing, an addition to PROTOCOL.md §1: on when {@code mbs.url} is set, which then needs
     * {@code mbs.service} and {@code mbs.secret}; {@code mbs.report-url} is the billing-report URL template.
     */
    private static Optional<MbsConfig> mbs(Keys keys) {
        Optional<URI> url = keys.optional("mbs.url", Settings::mbsUrl);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        long service = keys.required("mbs.service", Settings::safeId);
        String secret = keys.required("mbs.secret", Function.identity());
        Optional<String> reportUrl = keys.optional("mbs.report-url", template -> {
            ReportUrlTemplate.parse(template);
            return template;
        });
        try {
            return Optional.of(MbsConfig.of(url.get(), service, secret, reportUrl.orElse(null)));
        } catch (IllegalArgumentException e) {
            throw InvalidConfigException.invalid("mbs.url", e.getMessage());
        }
    }

    private static URI mbsUrl(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !value.matches("(?i)https?://.*")) {
                throw new IllegalArgumentException("must be an http or https URL, not '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an http or https URL, not '" + value + "'");
        }
    }

    /**
     * Reads and validates every key.
     *
     * @param systemProperties where {@code catalina.base}, {@code jboss.server.data.dir} and {@code user.home} are
     *     read for the default {@code data.dir}; {@code System.getProperties()} in production
     * @throws InvalidConfigException naming the first key that is missing or invalid
     */
    public static Settings resolve(ConfigResolver resolver, Properties systemProperties) {
        return new Settings(new Keys(resolver), systemProperties);
    }

    /** The safe id this installation serves, 1–10 digits. */
    public long safe() {
        return safe;
    }

    /** The secret shared with the provider. */
    public Passkey passkey() {
        return passkey;
    }

    /** How the provider signs notifications; {@code hmac-sha256} unless configured. */
    public SignatureScheme signature() {
        return signature;
    }

    /** The largest allowed distance between a request's {@code time} and our clock, more than zero. */
    public Duration maxSkew() {
        return maxSkew;
    }

    /** Messages per session where the rates name no count, 1–100. */
    public int messages() {
        return messages;
    }

    /** The wait before the last message; zero disables it. */
    public Duration delay() {
        return delay;
    }

    /** The language of replies and pages. */
    public Language language() {
        return language;
    }

    /** The rates feed, with {@code {safe}} and {@code {language}} still in it; empty when there is none. */
    public Optional<String> ratesUrl() {
        return ratesUrl;
    }

    /** How often the rates feed is fetched, more than zero. */
    public Duration ratesRefresh() {
        return ratesRefresh;
    }

    /** Where {@code local.xml} and the embedded database live. */
    public Path dataDir() {
        return dataDir;
    }

    /** The JNDI name of the DataSource. */
    public String datasource() {
        return datasource;
    }

    /**
     * Whether the {@code datasource} key was set: then nothing bound there is an error, while the default name
     * unbound means "use the embedded database".
     */
    public boolean datasourceExplicit() {
        return datasourceExplicit;
    }

    /** Whether pending database migrations are applied at start-up. */
    public boolean schemaAuto() {
        return schemaAuto;
    }

    /** The class name of the payment action; empty means find one with {@code ServiceLoader} or just log. */
    public Optional<String> action() {
        return action;
    }

    /** MBS direct billing, when {@code mbs.url} is set. */
    public Optional<MbsConfig> mbs() {
        return mbs;
    }

    /** Who may call {@code /result}. */
    public AddressFilter notifyAllow() {
        return notifyAllow;
    }

    @Override
    public String toString() {
        return "Settings[safe=" + safe + ", passkey=" + passkey + ", signature=" + signature.configName()
                + ", max-skew=" + maxSkew + ", messages=" + messages + ", delay=" + delay
                + ", language=" + language.code() + ", rates.url=" + ratesUrl.orElse("none")
                + ", rates.refresh=" + ratesRefresh + ", data.dir=" + dataDir + ", datasource=" + datasource
                + ", schema.auto=" + schemaAuto + ", action=" + action.orElse("none")
                + ", notify.allow=" + (notifyAllow.allowsEveryone() ? "everyone" : "listed")
                + ", mbs=" + mbs.map(m -> m.endpoint() + " service " + m.serviceId()).orElse("off") + "]";
    }

    private static long safeId(String value) {
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1 to 10 digits, not '" + value + "'");
        }
        long id = Long.parseLong(value);
        if (id == 0) {
            throw new IllegalArgumentException("must be greater than zero, not '" + value + "'");
        }
        return id;
    }

    private static Duration positive(String value) {
        Duration duration = Durations.parse(value);
        if (duration.isZero()) {
            throw new IllegalArgumentException("must be greater than zero, not '" + value + "'");
        }
        return duration;
    }

    private static int messageCount(String value) {
        int count = MESSAGES.matcher(value).matches() ? Integer.parseInt(value) : 0;
        if (count < 1 || count > 100) {
            throw new IllegalArgumentException("must be a whole number from 1 to 100, not '" + value + "'");
        }
        return count;
    }

    private static String ratesUrl(String value) {
        if (!RATES_SCHEME.matcher(value).matches()) {
            throw new IllegalArgumentException("must start with http:, https: or file:, not '" + value + "'");
        }
        return value;
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a path (" + e.getReason() + "): '" + value + "'");
        }
    }

    private static boolean bool(String value) {
        // exactly true or false: "yes" or "1" silently meaning false would be worse than stopping
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not '" + value + "'");
        };
    }

    private static String className(String value) {
        if (!CLASS_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "must be a fully qualified class name such as com.example.ShopAction, not '" + value + "'");
        }
        return value;
    }

    /** The first of the container's own data directory, WildFly's, and the user's home that is set. */
    private static Path defaultDataDir(Properties systemProperties) {
        Optional<String> catalinaBase = property(systemProperties, "catalina.base");
        if (catalinaBase.isPresent()) {
            return Path.of(catalinaBase.get(), "data", "smssafe");
        }
        Optional<String> jbossData = property(systemProperties, "jboss.server.data.dir");
        if (jbossData.isPresent()) {
            return Path.of(jbossData.get(), "smssafe");
        }
        return property(systemProperties, "user.home").map(home -> Path.of(home, ".smssafe"))
                .orElseThrow(() -> InvalidConfigException.missing("data.dir"));
    }

    private static Optional<String> property(Properties properties, String name) {
        return Optional.ofNullable(properties.getProperty(name)).filter(value -> !value.isBlank());
    }

    /** Reads keys and turns a parser's {@link IllegalArgumentException} into the key's {@link InvalidConfigException}. */
    private static final class Keys {
        private final ConfigResolver resolver;

        Keys(ConfigResolver resolver) {
            this.resolver = resolver;
        }

        <T> T required(String key, Function<String, T> parser) {
            return optional(key, parser).orElseThrow(() -> InvalidConfigException.missing(key));
        }

        /** Empty when no source sets the key or it is blank. */
        <T> Optional<T> optional(String key, Function<String, T> parser) {
            Optional<String> value = resolver.get(key).filter(text -> !text.isBlank());
            try {
                return value.map(parser);
            } catch (IllegalArgumentException e) {
                // the parsers' messages are written as reasons and never quote a passkey (Passkey.of does not)
                throw InvalidConfigException.invalid(key, e.getMessage());
            }
        }
    }
}
