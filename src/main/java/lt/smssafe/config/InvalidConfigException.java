package lt.smssafe.config;

/**
 * A configuration key is missing or has a value that cannot be used; the deployment stops. The message is the
 * whole story in one line (which key, what is wrong, the offending value), so the exception carries no stack
 * trace of its own. A passkey's value is never part of it.
 */
public final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    private InvalidConfigException(String key, String message) {
        super(message, null, false, false);
        this.key = key;
    }

    /** A required key that no source sets, or sets to a blank value. */
    public static InvalidConfigException missing(String key) {
        return new InvalidConfigException(key, "smssafe configuration: '" + key + "' is missing (required)");
    }

    /** @param reason what is wrong, e.g. {@code must be at least 8 characters} */
    public static InvalidConfigException invalid(String key, String reason) {
        return new InvalidConfigException(key, "smssafe configuration: '" + key + "' is invalid: " + reason);
    }

    /** The key at fault, e.g. {@code max-skew}. */
    public String key() {
        return key;
    }
}
