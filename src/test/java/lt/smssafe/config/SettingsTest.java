package lt.smssafe.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.i18n.Language;
import lt.smssafe.rates.FortumoRatesConfig;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final String PASSKEY = "correct-horse-battery";

    /** The required keys plus the given ones; a null value removes a key. */
    private static Map<String, String> config(String... keysAndValues) {
        Map<String, String> values = new HashMap<>(Map.of("safe", "1234", "passkey", PASSKEY));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                values.remove(keysAndValues[i]);
            } else {
                values.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return values;
    }

    private static Properties system(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private static Settings resolve(Map<String, String> values, Properties system) {
        return Settings.resolve(new ConfigResolver(List.of(ConfigSource.of(values))), system);
    }

    private static Settings resolve(String... keysAndValues) {
        return resolve(config(keysAndValues), system("user.home", "/home/owner"));
    }

    private static void assertInvalid(String message, String... keysAndValues) {
        assertThatThrownBy(() -> resolve(keysAndValues)).isInstanceOf(InvalidConfigException.class)
                .hasMessage(message);
    }

    @Test
    void defaults() {
        Settings settings = resolve();

        assertThat(settings.safe()).isEqualTo(1234);
        assertThat(settings.passkey().reveal()).isEqualTo(PASSKEY);
        assertThat(settings.signature()).isEqualTo(SignatureScheme.HMAC_SHA256);
        assertThat(settings.maxSkew()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.messages()).isEqualTo(3);
        assertThat(settings.delay()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.language()).isEqualTo(Language.EN);
        assertThat(settings.ratesUrl()).isEmpty();
        assertThat(settings.ratesRefresh()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/home/owner", ".smssafe"));
        assertThat(settings.datasource()).isEqualTo("java:comp/env/jdbc/smssafe");
        assertThat(settings.datasourceExplicit()).isFalse();
        assertThat(settings.schemaAuto()).isTrue();
        assertThat(settings.action()).isEmpty();
        assertThat(settings.notifyAllow().allowsEveryone()).isTrue();
    }

    @Test
    void everyKeySet() {
        Settings settings = resolve("signature", "md5", "max-skew", "300", "messages", "100", "delay", "P1D",
                "language", "ru", "rates.url", "https://rates.example/{safe}/{language}.xml", "rates.refresh",
                "PT30M", "data.dir", "/srv/smssafe", "datasource", "java:/jdbc/Shop", "schema.auto", "FALSE",
                "action", "com.example.Shop$PaidAction", "notify.allow", "10.0.0.0/8, 2001:db8::1");

        assertThat(settings.signature()).isEqualTo(SignatureScheme.MD5);
        assertThat(settings.maxSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.messages()).isEqualTo(100);
        assertThat(settings.delay()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.language()).isEqualTo(Language.RU);
        assertThat(settings.ratesUrl()).contains("https://rates.example/{safe}/{language}.xml");
        assertThat(settings.ratesRefresh()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/smssafe"));
        assertThat(settings.datasource()).isEqualTo("java:/jdbc/Shop");
        assertThat(settings.datasourceExplicit()).isTrue();
        assertThat(settings.schemaAuto()).isFalse();
        assertThat(settings.action()).contains("com.example.Shop$PaidAction");
        assertThat(settings.notifyAllow().allows("10.1.2.3")).isTrue();
        assertThat(settings.notifyAllow().allows("2001:db8::1")).isTrue();
        assertThat(settings.notifyAllow().allows("192.168.0.1")).isFalse();
    }

    @Test
    void bothDurationForms() {
        Settings iso = resolve("max-skew", "PT90S", "delay", "PT24H", "rates.refresh", "P1D");
        Settings seconds = resolve("max-skew", "90", "delay", "86400", "rates.refresh", "86400");

        assertThat(iso.maxSkew()).isEqualTo(Duration.ofSeconds(90)).isEqualTo(seconds.maxSkew());
        assertThat(iso.delay()).isEqualTo(Duration.ofHours(24)).isEqualTo(seconds.delay());
        assertThat(iso.ratesRefresh()).isEqualTo(Duration.ofDays(1)).isEqualTo(seconds.ratesRefresh());
    }

    @Test
    void delayZeroDisablesTheWait() {
        assertThat(resolve("delay", "0").delay()).isZero();
        assertThat(resolve("delay", "PT0S").delay()).isZero();
    }

    @Test
    void largestSafeId() {
        assertThat(resolve("safe", "9999999999").safe()).isEqualTo(9_999_999_999L);
    }

    @Test
    void blankOptionalKeysMeanTheirDefault() {
        Settings settings = resolve("rates.url", "", "action", " ", "datasource", "", "delay", "");

        assertThat(settings.ratesUrl()).isEmpty();
        assertThat(settings.action()).isEmpty();
        assertThat(settings.datasource()).isEqualTo("java:comp/env/jdbc/smssafe");
        assertThat(settings.datasourceExplicit()).isFalse();
        assertThat(settings.delay()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void blankNotifyAllowAllowsEveryone() {
        Settings settings = resolve("notify.allow", "  ");

        assertThat(settings.notifyAllow().allowsEveryone()).isTrue();
        assertThat(settings.notifyAllow().allows("203.0.113.9")).isTrue();
    }

    @Test
    void dataDirUnderCatalinaBase() {
        Settings settings = resolve(config(), system("catalina.base", "/opt/tomcat",
                "jboss.server.data.dir", "/opt/wildfly/standalone/data", "user.home", "/home/owner"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/opt/tomcat", "data", "smssafe"));
    }

    @Test
    void dataDirUnderJbossServerDataDir() {
        Settings settings = resolve(config(), system("jboss.server.data.dir", "/opt/wildfly/standalone/data",
                "user.home", "/home/owner"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/opt/wildfly/standalone/data", "smssafe"));
    }

    @Test
    void dataDirUnderUserHome() {
        Settings settings = resolve(config(), system("catalina.base", "", "user.home", "/home/owner"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/home/owner", ".smssafe"));
    }

    @Test
    void dataDirKeyBeatsTheDefaults() {
        Settings settings = resolve(config("data.dir", "/var/lib/smssafe"), system("catalina.base", "/opt/tomcat"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/smssafe"));
    }

    @Test
    void toStringHidesThePasskey() {
        assertThat(resolve().toString()).doesNotContain(PASSKEY).contains("safe=1234", "Passkey[********]");
    }

    @Test
    void firstBadKeyInTableOrderIsReported() {
        assertInvalid("smssafe configuration: 'safe' is invalid: must be 1 to 10 digits, not 'abc'",
                "safe", "abc", "messages", "0", "notify.allow", "x");
        assertInvalid("smssafe configuration: 'max-skew' is invalid: must be greater than zero, not '0'",
                "notify.allow", "x", "messages", "0", "max-skew", "0");
    }

    @Test
    void missingSafe() {
        assertInvalid("smssafe configuration: 'safe' is missing (required)", "safe", null);
    }

    @Test
    void blankSafeIsMissing() {
        assertInvalid("smssafe configuration: 'safe' is missing (required)", "safe", " ");
    }

    @Test
    void safeZero() {
        assertInvalid("smssafe configuration: 'safe' is invalid: must be greater than zero, not '0'", "safe", "0");
    }

    @Test
    void safeElevenDigits() {
        assertInvalid("smssafe configuration: 'safe' is invalid: must be 1 to 10 digits, not '12345678901'",
                "safe", "12345678901");
    }

    @Test
    void safeNotANumber() {
        assertInvalid("smssafe configuration: 'safe' is invalid: must be 1 to 10 digits, not 'abc'", "safe", "abc");
    }

    @Test
    void missingPasskey() {
        assertInvalid("smssafe configuration: 'passkey' is missing (required)", "passkey", null);
    }

    @Test
    void shortPasskeyIsNotShown() {
        assertThatThrownBy(() -> resolve("passkey", "hunter2")).isInstanceOf(InvalidConfigException.class)
                .hasMessage("smssafe configuration: 'passkey' is invalid: must be at least 8 characters")
                .message().doesNotContain("hunter2");
    }

    @Test
    void signatureSha1() {
        assertInvalid("smssafe configuration: 'signature' is invalid: must be one of hmac-sha256, md5, not 'sha1'",
                "signature", "sha1");
    }

    @Test
    void maxSkewNotADuration() {
        assertInvalid("smssafe configuration: 'max-skew' is invalid: "
                + "must be an ISO-8601 duration (PT24H) or a number of seconds, not 'soon'", "max-skew", "soon");
    }

    @Test
    void maxSkewNegative() {
        assertInvalid("smssafe configuration: 'max-skew' is invalid: must not be negative, not '-PT1H'",
                "max-skew", "-PT1H");
    }

    @Test
    void maxSkewZero() {
        assertInvalid("smssafe configuration: 'max-skew' is invalid: must be greater than zero, not '0'",
                "max-skew", "0");
    }

    @Test
    void messagesZero() {
        assertInvalid("smssafe configuration: 'messages' is invalid: must be a whole number from 1 to 100, not '0'",
                "messages", "0");
    }

    @Test
    void messagesOverHundred() {
        assertInvalid("smssafe configuration: 'messages' is invalid: must be a whole number from 1 to 100, not '101'",
                "messages", "101");
    }

    @Test
    void messagesNotANumber() {
        assertInvalid("smssafe configuration: 'messages' is invalid: must be a whole number from 1 to 100, not 'x'",
                "messages", "x");
    }

    @Test
    void delayNegative() {
        assertInvalid("smssafe configuration: 'delay' is invalid: must not be negative, not '-5'", "delay", "-5");
    }

    @Test
    void languageGerman() {
        assertInvalid("smssafe configuration: 'language' is invalid: must be one of en, lt, ru, not 'de'",
                "language", "de");
    }

    @Test
    void ratesUrlFtp() {
        assertInvalid("smssafe configuration: 'rates.url' is invalid: must start with http:, https: or file:, "
                + "not 'ftp://x'", "rates.url", "ftp://x");
    }

    @Test
    void fortumoRatesUrlFollowsTheRulesOfRatesUrl() {
        assertInvalid("smssafe configuration: 'fortumo.rates.url' is invalid: must start with http:, https: or "
                + "file:, not 'ftp://x'", "fortumo.rates.url", "ftp://x");
    }

    @Test
    void fortumoRatesUrlTakesTheServiceIdAndTheMessagesKeyAndIsNeverShown() {
        Settings settings = resolve("fortumo.rates.url", "https://api.fortumo.example/api/services/2/abc.5ecre7.xml",
                "fortumo.service-id", "abc", "messages", "2");

        assertThat(settings.fortumoRates()).contains(new FortumoRatesConfig(
                "https://api.fortumo.example/api/services/2/abc.5ecre7.xml", Optional.of("abc"), 2));
        assertThat(settings.fortumo()).as("/fortumo stays off without its secret").isEmpty();
        assertThat(settings.toString()).contains("fortumo.rates.url=(set, hidden)").doesNotContain("5ecre7");
        assertThat(resolve().fortumoRates()).isEmpty();
        assertThat(resolve("fortumo.rates.url", " ").fortumoRates()).isEmpty();
    }

    @Test
    void ratesRefreshZero() {
        assertInvalid("smssafe configuration: 'rates.refresh' is invalid: must be greater than zero, not '0'",
                "rates.refresh", "0");
    }

    @Test
    void schemaAutoYes() {
        assertInvalid("smssafe configuration: 'schema.auto' is invalid: must be true or false, not 'yes'",
                "schema.auto", "yes");
    }

    @Test
    void actionNotAClassName() {
        assertInvalid("smssafe configuration: 'action' is invalid: "
                + "must be a fully qualified class name such as com.example.ShopAction, not 'new Action()'",
                "action", "new Action()");
    }

    @Test
    void notifyAllowNotAnAddress() {
        assertInvalid("smssafe configuration: 'notify.allow' is invalid: "
                + "'not-an-ip' is not an IP address or CIDR block", "notify.allow", "10.0.0.1, not-an-ip");
    }

    @Test
    void mbsIsOffUnlessItsUrlIsSetAndThenNeedsServiceAndSecret() {
        assertThat(resolve().mbs()).isEmpty();
        Settings on = resolve("mbs.url", "https://mbs.example/direct", "mbs.service", "7", "mbs.secret", "s3cr3t",
                "mbs.report-url", "https://shop.example/smssafe/mbs/report?t=%t");
        assertThat(on.mbs()).hasValueSatisfying(mbs -> {
            assertThat(mbs.serviceId()).isEqualTo(7);
            assertThat(mbs.endpoint().toString()).isEqualTo("https://mbs.example/direct");
        });
        assertThat(on.toString()).doesNotContain("s3cr3t");
        assertInvalid("smssafe configuration: 'mbs.service' is missing (required)", "mbs.url", "https://mbs.example/d");
        assertInvalid("smssafe configuration: 'mbs.secret' is missing (required)", "mbs.url", "https://mbs.example/d",
                "mbs.service", "7");
        assertInvalid("smssafe configuration: 'mbs.url' is invalid: MBS endpoint must be an absolute https (or http) URL, not 'ftp://x'",
                "mbs.url", "ftp://x");
        assertThatThrownBy(() -> resolve("mbs.url", "https://mbs.example/d", "mbs.service", "7", "mbs.secret", "x",
                "mbs.report-url", "https://shop.example/r?c=%{colour}%"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("'mbs.report-url' is invalid")
                .hasMessageContaining("colour");
    }

    @Test
    void secretsShorterThanTheContractSaysStopTheDeploymentWithoutShowingThem() {
        String fifteen = "fortumo-secret!";
        assertThatThrownBy(() -> resolve("fortumo.secret", fifteen)).isInstanceOf(InvalidConfigException.class)
                .hasMessage("smssafe configuration: 'fortumo.secret' is invalid: must be at least 16 characters")
                .message().doesNotContain(fifteen);
        assertThatThrownBy(() -> resolve("paysera.project-id", "42", "paysera.password", "short-password"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("smssafe configuration: 'paysera.password' is invalid: must be at least 16 characters");
        String key31 = "k".repeat(31);
        assertThatThrownBy(() -> resolve("api.key", key31)).isInstanceOf(InvalidConfigException.class)
                .hasMessage("smssafe configuration: 'api.key' is invalid: must be at least 32 characters")
                .message().doesNotContain(key31);
    }

    @Test
    void secretsOfTheContractsLengthAreTakenAndNeverShown() {
        String key = "k".repeat(32);
        Settings settings = resolve("fortumo.secret", "f".repeat(16), "paysera.project-id", "42",
                "paysera.password", "p".repeat(16), "api.key", key);

        assertThat(settings.fortumo()).isPresent();
        assertThat(settings.paysera()).isPresent();
        assertThat(settings.apiKey()).contains(key);
        assertThat(settings.toString()).doesNotContain(key, "f".repeat(16), "p".repeat(16));
    }

    @Test
    void checkLimitAndRedeemTestDefaultsAndForms() {
        assertThat(resolve().checkLimit()).isEqualTo(10);
        assertThat(resolve().apiKey()).isEmpty();
        assertThat(resolve().redeemTest()).isEqualTo(lt.smssafe.sms.dialect.TestPolicy.REJECT);
        assertThat(resolve("check.limit", "3", "redeem.test", "accept").checkLimit()).isEqualTo(3);
        assertThat(resolve("redeem.test", "accept").redeemTest()).isEqualTo(lt.smssafe.sms.dialect.TestPolicy.ACCEPT);
        assertInvalid("smssafe configuration: 'check.limit' is invalid: must be a whole number from 1 to 1000000, "
                + "not '0'", "check.limit", "0");
        assertInvalid("smssafe configuration: 'redeem.test' is invalid: must be accept or reject, not 'yes'",
                "redeem.test", "yes");
    }

    @Test
    void theWebhookIsOffUntilItsUrlAndSecretAreSet() {
        assertThat(resolve().webhook()).isEmpty();
        String secret = "w".repeat(32);

        Settings settings = resolve("webhook.url", "https://shop.example/hooks/smssafe?token=t0k", "webhook.secret",
                secret);

        assertThat(settings.webhook()).hasValueSatisfying(webhook -> {
            assertThat(webhook.url()).hasToString("https://shop.example/hooks/smssafe?token=t0k");
            assertThat(webhook.secret()).isEqualTo(secret);
        });
        assertThat(settings.toString()).contains("webhook=https://shop.example/hooks/smssafe?… (secret hidden)")
                .doesNotContain(secret).doesNotContain("t0k");
        assertThat(resolve("webhook.url", "http://127.0.0.1:8081/hook", "webhook.secret", secret).webhook())
                .as("http to a loopback address, for testing").isPresent();
        assertThat(resolve("webhook.url", "http://localhost/hook", "webhook.secret", secret).webhook()).isPresent();
        assertThat(resolve("webhook.url", "http://[::1]:9000/", "webhook.secret", secret).webhook()).isPresent();
    }

    @Test
    void aWebhookUrlThatIsNotHttpsOrHttpToALoopbackAddressStopsTheDeployment() {
        String secret = "w".repeat(32);
        assertInvalid("smssafe configuration: 'webhook.url' is invalid: must be https: (http: only to a loopback"
                + " address such as http://127.0.0.1/, for testing), not 'http://shop.example/hook'",
                "webhook.url", "http://shop.example/hook", "webhook.secret", secret);
        assertInvalid("smssafe configuration: 'webhook.url' is invalid: must be https: (http: only to a loopback"
                + " address such as http://127.0.0.1/, for testing), not 'http://192.168.1.10/hook'",
                "webhook.url", "http://192.168.1.10/hook", "webhook.secret", secret);
        assertInvalid("smssafe configuration: 'webhook.url' is invalid: must be an absolute https: URL, not"
                + " 'ftp://shop.example/hook'", "webhook.url", "ftp://shop.example/hook", "webhook.secret", secret);
        assertInvalid("smssafe configuration: 'webhook.url' is invalid: must be an absolute https: URL, not"
                + " 'shop.example/hook'", "webhook.url", "shop.example/hook", "webhook.secret", secret);
        assertThatThrownBy(() -> resolve("webhook.url", "https://shop example/", "webhook.secret", secret))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith(
                        "smssafe configuration: 'webhook.url' is invalid: is not a URL");
        assertInvalid("smssafe configuration: 'webhook.url' is invalid: must not carry credentials: the receiver"
                + " checks the signature", "webhook.url", "https://u:p@shop.example/", "webhook.secret", secret);
    }

    @Test
    void aWebhookNeedsBothItsUrlAndASecretOfAtLeast32Characters() {
        String short31 = "w".repeat(31);
        assertThatThrownBy(() -> resolve("webhook.url", "https://shop.example/hook", "webhook.secret", short31))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("smssafe configuration: 'webhook.secret' is invalid: must be at least 32 characters")
                .message().doesNotContain(short31);
        assertInvalid("smssafe configuration: 'webhook.secret' is missing (required)", "webhook.url",
                "https://shop.example/hook");
        assertInvalid("smssafe configuration: 'webhook.url' is missing (required)", "webhook.secret",
                "w".repeat(32));
    }
}
