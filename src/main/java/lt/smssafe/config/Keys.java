package lt.smssafe.config;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Reads keys and turns a parser's {@link IllegalArgumentException} into the key's {@link InvalidConfigException}. */
final class Keys {
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
        return check(key, () -> value.map(parser));
    }

    /**
     * Whether two keys that switch something on together are set: neither (false) or both (true).
     *
     * @throws InvalidConfigException naming the one missing when only the other is set
     */
    static boolean together(String firstKey, Optional<?> first, String secondKey, Optional<?> second) {
        if (first.isPresent() != second.isPresent()) {
            throw InvalidConfigException.missing(first.isEmpty() ? firstKey : secondKey);
        }
        return first.isPresent();
    }

    /** Builds something from keys already read, blaming {@code key} for what it refuses. */
    <T> T check(String key, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            // the parsers' messages are written as reasons and never quote a passkey (Passkey.of does not)
            throw InvalidConfigException.invalid(key, e.getMessage());
        }
    }
}
