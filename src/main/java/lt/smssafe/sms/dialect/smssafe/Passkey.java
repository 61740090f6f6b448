package lt.smssafe.sms.dialect.smssafe;

import java.nio.charset.StandardCharsets;

/**
 * The secret shared by the sms:safe gateway and this installation. Its {@link #toString()} never shows the value, so a
 * passkey that ends up in a log line or an exception message stays secret.
 */
public final class Passkey {
    /** docs/protocol.md §1: at least 8 characters. */
    public static final int MIN_LENGTH = 8;

    private final String value;

    private Passkey(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException when shorter than {@link #MIN_LENGTH} (the message never contains the value) */
    public static Passkey of(String value) {
        if (value == null || value.codePointCount(0, value.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("must be at least " + MIN_LENGTH + " characters");
        }
        return new Passkey(value);
    }

    /** The secret itself, for signing only. */
    public String reveal() {
        return value;
    }

    /** The secret as UTF-8 bytes, the HMAC key. */
    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Passkey[********]";
    }
}
