package lt.smssafe.config;

import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import lt.smssafe.i18n.Language;
import lt.smssafe.mbs.MbsConfig;
import lt.smssafe.mbs.ReportUrlTemplate;
import lt.smssafe.rates.FortumoRatesConfig;
import lt.smssafe.signing.TimeWindow;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.TestPolicy;
import lt.smssafe.sms.dialect.fortumo.FortumoConfig;
import lt.smssafe.sms.dialect.paysera.PayseraConfig;
import lt.smssafe.sms.dialect.paysera.PayseraKeys;
import lt.smssafe.sms.dialect.smssafe.Passkey;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.webhook.WebhookConfig;

/**
 * This installation's configuration (docs/protocol.md §1), every key validated. Built once at start-up by
 * {@link #resolve}; a missing or wrong key stops the deployment there rather than at the first paid SMS. How each
 * key's text is read is in {@link KeyParsers}.
 *
 * <p>A blank value of an optional key means its default ("none" for {@code rates.url}, {@code fortumo.rates.url} and
 * {@code action}, allow everyone for {@code notify.allow}); a blank required key is missing.
 *
 * @param safe the safe id this installation serves, 1–10 digits
 * @param maxSkew the largest allowed distance between a request's {@code time} and our clock, more than zero
 * @param messages messages per session where the rates name no count, 1–100
 * @param delay the wait before the last message; zero disables it
 * @param ratesUrl the rates feed, with {@code {safe}} and {@code {language}} still in it
 * @param ratesRefresh how often the rates feed is fetched, more than zero
 * @param fortumoRates Fortumo's service-data XML ({@code fortumo.rates.url}), when set
 * @param dataDir where {@code local.xml} and the embedded database live
 * @param datasourceKey the {@code datasource} key as set; see {@link #datasource()}
 * @param schemaAuto whether pending database migrations are applied at start-up
 * @param action the class name of the payment action; empty means find one with {@code ServiceLoader} or just log
 * @param notifyAllow who may call the gateways' endpoints
 * @param mbs MBS direct billing, when {@code mbs.url} is set
 * @param fortumo Fortumo's {@code /fortumo}, when {@code fortumo.secret} is set
 * @param paysera Paysera's {@code /paysera}, when {@code paysera.project-id} and {@code paysera.password} are set
 * @param timezone the time zone in which pages show times and the payments' days begin
 * @param siteName the shop's name on the buyer's pages
 * @param checkLimit lookups of unknown session codes one address may make on {@code /check} per minute
 * @param apiKey the bearer key of {@code /redeem} for the site's own server; empty switches {@code /redeem} off
 * @param redeemTest whether a test payment may be redeemed ({@code redeem.test}); {@code REJECT} by default
 * @param webhook the webhook (docs/protocol.md §10), when {@code webhook.url} and {@code webhook.secret} are set
 */
public record Settings(long safe, Passkey passkey, SignatureScheme signature, Duration maxSkew, int messages,
        Duration delay, Language language, Optional<String> ratesUrl, Duration ratesRefresh,
        Optional<FortumoRatesConfig> fortumoRates, Path dataDir,
        Optional<String> datasourceKey, boolean schemaAuto, Optional<String> action, AddressFilter notifyAllow,
        Optional<MbsConfig> mbs, Optional<FortumoConfig> fortumo, Optional<PayseraConfig> paysera,
        ZoneId timezone, String siteName, int checkLimit, Optional<String> apiKey, TestPolicy redeemTest,
        Optional<WebhookConfig> webhook) {
    /** Messages per session where the rates name no count, when the {@code messages} key is not set. */
    public static final int DEFAULT_MESSAGES = 3;
    /** The JNDI name of the DataSource when the {@code datasource} key is not set. */
    public static final String DEFAULT_DATASOURCE = "java:comp/env/jdbc/smssafe";
    /** docs/protocol.md §1: {@code api.key} has at least 32 characters, a bearer key nobody guesses. */
    public static final int API_KEY_MIN_LENGTH = 32;
    /**
     * docs/protocol.md §8: {@code fortumo.secret} and {@code paysera.password} have at least 16 characters; a signature is
     * only as strong as the secret an attacker holding a captured request could try offline.
     */
    public static final int GATEWAY_SECRET_MIN_LENGTH = 16;

    /**
     * Reads and validates every key, in the order of the table in docs/protocol.md §1, so that the first bad key is the
     * one reported.
     *
     * @param systemProperties where {@code catalina.base}, {@code jboss.server.data.dir} and {@code user.home} are
     *     read for the default {@code data.dir}; {@code System.getProperties()} in production
     * @throws InvalidConfigException naming the first key that is missing or invalid
     */
    public static Settings resolve(ConfigResolver resolver, Properties systemProperties) {
        Keys keys = new Keys(resolver);
        return new Settings(
                keys.required("safe", KeyParsers::positiveId),
                keys.required("passkey", Passkey::of),
                keys.optional("signature", SignatureScheme::parse).orElse(SignatureScheme.HMAC_SHA256),
                keys.optional("max-skew", KeyParsers::positiveDuration).orElse(TimeWindow.DEFAULT_MAX_SKEW),
                keys.optional("messages", KeyParsers::messageCount).orElse(DEFAULT_MESSAGES),
                keys.optional("delay", Durations::parse).orElse(Duration.ofHours(24)),
                keys.optional("language", Language::parse).orElse(Language.EN),
                keys.optional("rates.url", KeyParsers::ratesUrl),
                keys.optional("rates.refresh", KeyParsers::positiveDuration).orElse(Duration.ofHours(1)),
                fortumoRates(keys),
                keys.optional("data.dir", KeyParsers::path)
                        .orElseGet(() -> KeyParsers.defaultDataDir(systemProperties)),
                keys.optional("datasource", Function.identity()),
                keys.optional("schema.auto", KeyParsers::bool).orElse(true),
                keys.optional("action", KeyParsers::className),
                keys.optional("notify.allow", AddressFilter::parse).orElseGet(AddressFilter::allowAll),
                mbs(keys),
                fortumo(keys),
                paysera(keys),
                keys.optional("timezone", KeyParsers::zone).orElseGet(ZoneId::systemDefault),
                keys.optional("site.name", KeyParsers::siteName).orElse("sms:safe"),
                keys.optional("check.limit", KeyParsers::checkLimit).orElse(10),
                keys.optional("api.key", KeyParsers.secret(API_KEY_MIN_LENGTH)),
                keys.optional("redeem.test", TestPolicy::parse).orElse(TestPolicy.REJECT),
                webhook(keys));
    }

    /**
     * The webhook (docs/protocol.md §10): on when {@code webhook.url} is set, which then needs {@code webhook.secret};
     * a secret without a URL is a mistake too (the site expects events that would never come). The URL's rules are
     * {@link WebhookConfig#checkUrl}, the secret's {@link WebhookConfig#checkSecret}.
     */
    private static Optional<WebhookConfig> webhook(Keys keys) {
        Optional<URI> url = keys.optional("webhook.url", value -> WebhookConfig.checkUrl(KeyParsers.uri(value)));
        Optional<String> secret = keys.optional("webhook.secret", WebhookConfig::checkSecret);
        if (!Keys.together("webhook.url", url, "webhook.secret", secret)) {
            return Optional.empty();
        }
        return Optional.of(new WebhookConfig(url.get(), secret.get()));
    }

    /**
     * Fortumo's service-data XML (docs/protocol.md §5): on when {@code fortumo.rates.url} is set, with the URL rules of
     * {@code rates.url}. The file must be for {@code fortumo.service-id} when that is set, whether or not
     * {@code /fortumo} is on; its entries take N from {@code messages}.
     */
    private static Optional<FortumoRatesConfig> fortumoRates(Keys keys) {
        Optional<String> url = keys.optional("fortumo.rates.url", KeyParsers::ratesUrl);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> serviceId = keys.optional("fortumo.service-id", KeyParsers::gatewayId);
        int messages = keys.optional("messages", KeyParsers::messageCount).orElse(DEFAULT_MESSAGES);
        return Optional.of(new FortumoRatesConfig(url.get(), serviceId, messages));
    }

    /** Fortumo (docs/protocol.md §8.1): on when {@code fortumo.secret} is set. */
    private static Optional<FortumoConfig> fortumo(Keys keys) {
        Optional<String> secret = keys.optional("fortumo.secret", KeyParsers.secret(GATEWAY_SECRET_MIN_LENGTH));
        Optional<String> serviceId = keys.optional("fortumo.service-id", KeyParsers::gatewayId);
        TestPolicy test = keys.optional("fortumo.test", TestPolicy::parse).orElse(TestPolicy.ACCEPT);
        return secret.map(value -> new FortumoConfig(value, serviceId, test));
    }

    /** Paysera (docs/protocol.md §8.2): on when {@code paysera.project-id} and {@code paysera.password} are set. */
    private static Optional<PayseraConfig> paysera(Keys keys) {
        Optional<Long> projectId = keys.optional("paysera.project-id", KeyParsers::positiveId);
        Optional<String> password = keys.optional("paysera.password", KeyParsers.secret(GATEWAY_SECRET_MIN_LENGTH));
        Optional<PublicKey> publicKey = keys.optional("paysera.public-key", PayseraKeys::publicKey);
        TestPolicy test = keys.optional("paysera.test", TestPolicy::parse).orElse(TestPolicy.ACCEPT);
        if (!Keys.together("paysera.project-id", projectId, "paysera.password", password)) {
            return Optional.empty();
        }
        return Optional.of(new PayseraConfig(projectId.get(), password.get(), publicKey, test));
    }

    /**
     * MBS direct billing, an addition to docs/protocol.md §1: on when {@code mbs.url} is set, which then needs
     * {@code mbs.service} and {@code mbs.secret}; {@code mbs.report-url} is the billing-report URL template. The
     * endpoint's rules are {@link MbsConfig#checkEndpoint}, the template's {@link ReportUrlTemplate#parse}; each is
     * read once.
     */
    private static Optional<MbsConfig> mbs(Keys keys) {
        var url = keys.optional("mbs.url", value -> MbsConfig.checkEndpoint(KeyParsers.uri(value)));
        if (url.isEmpty()) {
            return Optional.empty();
        }
        long service = keys.required("mbs.service", KeyParsers::positiveId);
        String secret = keys.required("mbs.secret", Function.identity());
        ReportUrlTemplate reportUrl = keys.optional("mbs.report-url", ReportUrlTemplate::parse).orElse(null);
        return Optional.of(keys.check("mbs.url", () -> new MbsConfig(url.get(), service, secret, reportUrl, null,
                null)));
    }

    /** The JNDI name of the DataSource. */
    public String datasource() {
        return datasourceKey.orElse(DEFAULT_DATASOURCE);
    }

    /**
     * Whether the {@code datasource} key was set: then nothing bound there is an error, while the default name
     * unbound means "use the embedded database".
     */
    public boolean datasourceExplicit() {
        return datasourceKey.isPresent();
    }

    /** The window of {@code max-skew} on this clock, for every signed request. */
    public TimeWindow timeWindow(Clock clock) {
        return new TimeWindow(maxSkew, clock);
    }

    /** Every key, the passkey, the gateways' secrets, the MBS secret, the API key and the webhook's secret hidden. */
    @Override
    public String toString() {
        return "Settings[safe=" + safe + ", passkey=" + passkey + ", signature=" + signature.configName()
                + ", max-skew=" + maxSkew + ", messages=" + messages + ", delay=" + delay
                + ", language=" + language.code() + ", rates.url=" + ratesUrl.orElse("none")
                + ", rates.refresh=" + ratesRefresh
                // Fortumo's URL carries a signature over the service's secret in its file name
                + ", fortumo.rates.url=" + fortumoRates.map(f -> "(set, hidden)").orElse("none")
                + ", data.dir=" + dataDir + ", datasource=" + datasource()
                + ", schema.auto=" + schemaAuto + ", action=" + action.orElse("none")
                + ", notify.allow=" + (notifyAllow.allowsEveryone() ? "everyone" : "listed")
                + ", mbs=" + mbs.map(m -> m.endpoint() + " service " + m.serviceId()).orElse("off")
                + ", fortumo=" + fortumo.map(FortumoConfig::toString).orElse("off")
                + ", paysera=" + paysera.map(PayseraConfig::toString).orElse("off")
                + ", check.limit=" + checkLimit + ", api.key=" + (apiKey.isPresent() ? "(hidden)" : "off")
                + ", redeem.test=" + redeemTest + ", webhook=" + webhook.map(WebhookConfig::toString).orElse("off")
                + "]";
    }
}
