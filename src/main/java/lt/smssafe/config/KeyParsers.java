package lt.smssafe.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * How the text of the keys that have no type of their own is read. Each parser throws
 * {@link IllegalArgumentException} with a reason written to follow "'key' is invalid: ".
 */
final class KeyParsers {
    private static final Pattern ID = Pattern.compile("\\d{1,10}");
    private static final Pattern GATEWAY_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern RATES_SCHEME = Pattern.compile("(?i)(https?|file):.*");
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                    + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private KeyParsers() {
    }

    /** A safe or service id: 1 to 10 digits, more than zero. */
    static long positiveId(String value) {
        long id = Long.parseLong(matching(ID, "be 1 to 10 digits", value));
        if (id == 0) {
            throw refused("be greater than zero", value);
        }
        return id;
    }

    /** A gateway's own id of a service: 1 to 64 letters and digits. */
    static String gatewayId(String value) {
        return matching(GATEWAY_ID, "be 1 to 64 letters and digits", value);
    }

    /** A time zone by its region id, e.g. {@code Europe/Vilnius}, or an offset such as {@code +02:00} or {@code UTC}. */
    static java.time.ZoneId zone(String value) {
        try {
            return java.time.ZoneId.of(value);
        } catch (java.time.DateTimeException e) {
            throw refused("be a time zone such as Europe/Vilnius or UTC", value);
        }
    }

    /** The shop's name: one line of at most 80 characters. */
    static String siteName(String value) {
        String name = value.strip();
        if (name.codePointCount(0, name.length()) > 80 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must be one line of at most 80 characters");
        }
        return name;
    }

    /**
     * A secret of at least {@code minLength} characters (code points). The reason never quotes the value: it goes
     * into the start-up log line.
     */
    static java.util.function.Function<String, String> secret(int minLength) {
        return value -> {
            if (value.codePointCount(0, value.length()) < minLength) {
                throw new IllegalArgumentException("must be at least " + minLength + " characters");
            }
            return value;
        };
    }

    /** {@code check.limit}: unknown session codes one address may look up per minute, 1 to 1,000,000. */
    static int checkLimit(String value) {
        return wholeNumber(value, 1_000_000);
    }

    static Duration positiveDuration(String value) {
        Duration duration = Durations.parse(value);
        if (duration.isZero()) {
            throw refused("be greater than zero", value);
        }
        return duration;
    }

    /** N of a session: 1 to 100 messages. */
    static int messageCount(String value) {
        return wholeNumber(value, 100);
    }

    static String ratesUrl(String value) {
        return matching(RATES_SCHEME, "start with http:, https: or file:", value);
    }

    /** A URI in its syntax only; what kind of address it must be is the user's rule. */
    static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL (" + e.getReason() + "): '" + value + "'");
        }
    }

    static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a path (" + e.getReason() + "): '" + value + "'");
        }
    }

    static boolean bool(String value) {
        // exactly true or false: "yes" or "1" silently meaning false would be worse than stopping
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw refused("be true or false", value);
        };
    }

    static String className(String value) {
        return matching(CLASS_NAME, "be a fully qualified class name such as com.example.ShopAction", value);
    }

    /** The first of the container's own data directory, WildFly's, and the user's home that is set. */
    static Path defaultDataDir(Properties systemProperties) {
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

    /** The value, when the whole of it is in its form; {@code rule} says the form. */
    private static String matching(Pattern form, String rule, String value) {
        if (!form.matcher(value).matches()) {
            throw refused(rule, value);
        }
        return value;
    }

    /**
     * A whole number from 1 to {@code max}. Only digits, and no more of them than {@code max} has, are parsed, so a
     * long run of digits is refused as out of range instead of overflowing.
     */
    private static int wholeNumber(String value, int max) {
        int number = value.matches("\\d{1," + String.valueOf(max).length() + "}") ? Integer.parseInt(value) : 0;
        if (number < 1 || number > max) {
            throw refused("be a whole number from 1 to " + max, value);
        }
        return number;
    }

    /** The one way a refused value is said: what it must be, and what it was. */
    private static IllegalArgumentException refused(String rule, String value) {
        return new IllegalArgumentException("must " + rule + ", not '" + value + "'");
    }
}
