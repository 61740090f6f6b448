package lt.smssafe.sms;

import java.util.Optional;

/**
 * What the site gives a paid code to (docs/protocol.md §9): an account, an order. 1 to 128 printable characters, compared
 * exactly as sent: a retry with the same reference is the same redemption, any other reference is another one.
 * "Printable" leaves out control and format characters, line and paragraph separators, surrogates, private-use and
 * unassigned code points, and a reference that is only blanks: none of them could be told apart on a page or in a
 * spreadsheet, and a control character in a log forges a line.
 *
 * @param value the reference as sent
 */
public record RedemptionReference(String value) {
    /** The longest reference, in Unicode code points. */
    public static final int MAX_CODE_POINTS = 128;
    /** The rule, for a caller that broke it. */
    public static final String RULE = "a redemption reference is 1 to " + MAX_CODE_POINTS + " printable characters";

    /** @throws IllegalArgumentException when the value breaks {@link #RULE} (the value is not repeated) */
    public RedemptionReference {
        if (!valid(value)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /** The reference in this text, exactly as it is, if it is one. */
    public static Optional<RedemptionReference> parse(String text) {
        return valid(text) ? Optional.of(new RedemptionReference(text)) : Optional.empty();
    }

    private static boolean valid(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        int[] codePoints = text.codePoints().toArray();
        if (codePoints.length > MAX_CODE_POINTS) {
            return false;
        }
        for (int codePoint : codePoints) {
            if (!printable(codePoint)) {
                return false;
            }
        }
        return true;
    }

    private static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
