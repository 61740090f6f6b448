package lt.smssafe.config;

import java.util.Optional;
import java.util.function.Function;

/** A source that is a look-up function plus a description; every source but JNDI is one of these. */
record NamedSource(String description, Function<String, String> lookup) implements ConfigSource {

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(lookup.apply(key));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
