package lt.smssafe.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import javax.naming.InitialContext;

/**
 * One place a configuration key can be set (docs/protocol.md §1). Each source maps the plain key, such as
 * {@code rates.url}, to its own naming: {@code java:comp/env/smssafe/rates.url}, {@code smssafe.rates.url},
 * {@code SMSSAFE_RATES_URL}. A {@link ConfigResolver} asks the sources in order.
 */
public interface ConfigSource {

    /** The raw value of the key, or empty when this source does not set it. Never throws. */
    Optional<String> get(String key);

    /** Where this source looks, for log lines, e.g. {@code JNDI java:comp/env/smssafe/<key>}. */
    String describe();

    /**
     * JNDI {@code java:comp/env/smssafe/<key>}: an {@code env-entry} in web.xml, a Tomcat {@code <Environment>} or
     * a WildFly binding. Outside a container, where there is no naming context, every key is simply absent.
     */
    static ConfigSource jndi() {
        return new JndiSource(InitialContext::new);
    }

    /** The servlet context's init-param {@code smssafe.<key>}; pass {@code ServletContext::getInitParameter}. */
    static ConfigSource initParams(Function<String, String> initParameter) {
        return new NamedSource("init-param smssafe.<key>", key -> initParameter.apply("smssafe." + key));
    }

    /** The system property {@code smssafe.<key>}, read at each look-up, so later changes are seen. */
    static ConfigSource systemProperties(Properties properties) {
        return new NamedSource("system property smssafe.<key>", key -> properties.getProperty("smssafe." + key));
    }

    /** The environment variable {@code SMSSAFE_<KEY>}; see {@link #environmentName(String)}. */
    static ConfigSource environment(Map<String, String> env) {
        return new NamedSource("environment variable SMSSAFE_<KEY>", key -> env.get(environmentName(key)));
    }

    /** Plain key to value, for tests and for code that assembles its own configuration. */
    static ConfigSource of(Map<String, String> values) {
        return new NamedSource("map " + values.keySet(), values::get);
    }

    /**
     * The environment variable for a key: shells do not allow dots or dashes in variable names, so they become
     * {@code _}, and the name is upper case ({@code max-skew} is {@code SMSSAFE_MAX_SKEW}).
     */
    static String environmentName(String key) {
        return "SMSSAFE_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
