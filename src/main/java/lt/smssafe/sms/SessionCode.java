package lt.smssafe.sms;

import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The code of a payment session: what the end user types on the site to claim the payment (docs/protocol.md §3).
 * Eight characters from an alphabet without look-alikes (no 0/O, 1/I); drawn from a cryptographically secure
 * generator, so that a code cannot be guessed.
 *
 * @param value the eight characters
 */
public record SessionCode(String value) {
    /** The characters a code is made of. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** How many characters a code has. */
    public static final int LENGTH = 8;
    private static final Pattern FORM = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

    /** @throws IllegalArgumentException when the value is not a code */
    public SessionCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a session code: '" + value + "'");
        }
    }

    /**
     * A new code drawn from {@code random}; give it a {@link java.security.SecureRandom}: 32^8 ≈ 10^12 codes make
     * guessing hopeless only when the draw cannot be predicted.
     */
    public static SessionCode random(RandomGenerator random) {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new SessionCode(new String(chars));
    }

    /** The code in this text, if it is one; surrounding blanks are ignored and lower case is read as upper case. */
    public static Optional<SessionCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip().toUpperCase(java.util.Locale.ROOT);
        return FORM.matcher(candidate).matches() ? Optional.of(new SessionCode(candidate)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
