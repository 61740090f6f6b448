package lt.smssafe.config;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks a key up in several {@link ConfigSource}s, first match wins (docs/protocol.md §1: JNDI, init-param, system
 * property, environment). A value that is set but blank still wins: an empty {@code env-entry} in web.xml is how
 * an owner says "none here", and must not be overridden by a forgotten environment variable.
 */
public final class ConfigResolver {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigResolver.class);

    private final List<ConfigSource> sources;

    /** @param sources in order of precedence, highest first */
    public ConfigResolver(List<ConfigSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The value of the first source that sets the key, stripped of surrounding whitespace; may be blank. */
    public Optional<String> get(String key) {
        for (ConfigSource source : sources) {
            Optional<String> value = source.get(key);
            if (value.isPresent()) {
                // the source, never the value: one of the keys is the passkey
                LOG.debug("smssafe configuration: '{}' is set by {}", key, source.describe());
                return Optional.of(value.get().strip());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ConfigResolver" + sources;
    }
}
