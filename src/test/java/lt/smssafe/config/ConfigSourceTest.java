package lt.smssafe.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;
import org.junit.jupiter.api.Test;

class ConfigSourceTest {

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    /** A naming context that knows only the given bindings; every other name is not found. */
    private static Context context(Map<String, Object> bindings) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("lookup") && args[0] instanceof String name) {
                        if (!bindings.containsKey(name)) {
                            throw new NameNotFoundException(name);
                        }
                        return bindings.get(name);
                    }
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void initParamBeatsSystemPropertyBeatsEnvironment() {
        Map<String, String> initParams = Map.of("smssafe.safe", "1");
        Properties system = properties("smssafe.safe", "2", "smssafe.passkey", "from-system");
        Map<String, String> env = Map.of("SMSSAFE_SAFE", "3", "SMSSAFE_PASSKEY", "from-env",
                "SMSSAFE_LANGUAGE", "lt");
        ConfigResolver resolver = new ConfigResolver(List.of(ConfigSource.initParams(initParams::get),
                ConfigSource.systemProperties(system), ConfigSource.environment(env)));

        assertThat(resolver.get("safe")).contains("1");
        assertThat(resolver.get("passkey")).contains("from-system");
        assertThat(resolver.get("language")).contains("lt");
        assertThat(resolver.get("delay")).isEmpty();
    }

    @Test
    void jndiBeatsInitParam() {
        ConfigSource jndi = new JndiSource(() -> context(Map.of("java:comp/env/smssafe/safe", "7")));
        ConfigResolver resolver = new ConfigResolver(List.of(jndi,
                ConfigSource.initParams(Map.of("smssafe.safe", "1")::get)));

        assertThat(resolver.get("safe")).contains("7");
    }

    @Test
    void blankValueIsPresentAndHidesLaterSources() {
        ConfigResolver resolver = new ConfigResolver(List.of(ConfigSource.of(Map.of("notify.allow", "  ")),
                ConfigSource.of(Map.of("notify.allow", "10.0.0.1"))));

        assertThat(resolver.get("notify.allow")).contains("");
    }

    @Test
    void valuesAreStripped() {
        ConfigResolver resolver = new ConfigResolver(List.of(ConfigSource.of(Map.of("safe", " 1234\n"))));

        assertThat(resolver.get("safe")).contains("1234");
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscores() {
        assertThat(ConfigSource.environmentName("safe")).isEqualTo("SMSSAFE_SAFE");
        assertThat(ConfigSource.environmentName("rates.url")).isEqualTo("SMSSAFE_RATES_URL");
        assertThat(ConfigSource.environmentName("max-skew")).isEqualTo("SMSSAFE_MAX_SKEW");
        assertThat(ConfigSource.environmentName("notify.allow")).isEqualTo("SMSSAFE_NOTIFY_ALLOW");
    }

    @Test
    void environmentSourceReadsMappedNames() {
        ConfigSource env = ConfigSource.environment(Map.of("SMSSAFE_RATES_URL", "https://rates.example/{safe}",
                "SMSSAFE_MAX_SKEW", "PT5M", "rates.url", "ignored"));

        assertThat(env.get("rates.url")).contains("https://rates.example/{safe}");
        assertThat(env.get("max-skew")).contains("PT5M");
        assertThat(env.get("safe")).isEmpty();
    }

    @Test
    void initParamsAndSystemPropertiesArePrefixed() {
        ConfigSource initParams = ConfigSource.initParams(Map.of("smssafe.rates.url", "file:/tmp/r.xml",
                "safe", "ignored")::get);
        ConfigSource system = ConfigSource.systemProperties(properties("smssafe.max-skew", "60", "safe", "ignored"));

        assertThat(initParams.get("rates.url")).contains("file:/tmp/r.xml");
        assertThat(initParams.get("safe")).isEmpty();
        assertThat(system.get("max-skew")).contains("60");
        assertThat(system.get("safe")).isEmpty();
    }

    @Test
    void systemPropertiesAreReadAtEachLookUp() {
        Properties system = new Properties();
        ConfigSource source = ConfigSource.systemProperties(system);
        system.setProperty("smssafe.safe", "42");

        assertThat(source.get("safe")).contains("42");
    }

    @Test
    void jndiConvertsBoundValuesToText() {
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("java:comp/env/smssafe/safe", 1234);
        bindings.put("java:comp/env/smssafe/schema.auto", Boolean.FALSE);
        bindings.put("java:comp/env/smssafe/language", "lt");
        ConfigSource jndi = new JndiSource(() -> context(bindings));

        assertThat(jndi.get("safe")).contains("1234");
        assertThat(jndi.get("schema.auto")).contains("false");
        assertThat(jndi.get("language")).contains("lt");
        assertThat(jndi.get("passkey")).isEmpty();
    }

    @Test
    void jndiWithoutNamingContextIsEmpty() {
        ConfigSource noContext = new JndiSource(() -> {
            throw new NoInitialContextException("no container");
        });
        ConfigSource failing = new JndiSource(() -> {
            throw new NamingException("broken");
        });

        assertThat(noContext.get("safe")).isEmpty();
        assertThat(failing.get("safe")).isEmpty();
    }

    @Test
    void jndiOutsideAContainerFindsNothing() {
        ConfigSource jndi = ConfigSource.jndi();

        assertThat(jndi.get("safe")).isEmpty();
        assertThat(jndi.describe()).isEqualTo("JNDI java:comp/env/smssafe/<key>");
    }

    @Test
    void sourcesDescribeWhereTheyLook() {
        assertThat(ConfigSource.initParams(name -> null).describe()).isEqualTo("init-param smssafe.<key>");
        assertThat(ConfigSource.systemProperties(new Properties()).describe())
                .isEqualTo("system property smssafe.<key>");
        assertThat(ConfigSource.environment(Map.of()).describe()).isEqualTo("environment variable SMSSAFE_<KEY>");
    }
}
