package lt.smssafe.logging;

/**
 * A value that a stranger sent, made fit for one log line. An SMS's text or a request parameter may hold a line
 * break: written as it is, it would end our line and start a forged one ("... INFO session ABC paid"). So every
 * character that could break or disguise a line is written as an escape instead:
 * <ul>
 * <li>{@code \r}, {@code \n} and {@code \t} as themselves escaped, every other control character (C0, DEL, C1) as
 *     {@code \}{@code uXXXX};</li>
 * <li>the Unicode line and paragraph separators (U+2028, U+2029), which some viewers break lines at;</li>
 * <li>every format character (category Cf): the bidirectional overrides and isolates (U+202A–U+202E,
 *     U+2066–U+2069) that make a viewer show text in another order than it was written, zero-width characters;</li>
 * <li>a lone surrogate, which no encoder can write and would become {@code ?};</li>
 * <li>and the backslash itself, as {@code \\}, so that an escape in the log always means the character, never a
 *     backslash the stranger typed.</li>
 * </ul>
 * Everything else, letters of any script included, is kept: the site owner reads the text as the buyer wrote it.
 */
public final class LogText {
    private LogText() {
    }

    /** The value with every character that could break or disguise a log line escaped; {@code null} as itself. */
    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder(value.length() + 8);
        value.codePoints().forEach(c -> append(text, c));
        return text.toString();
    }

    /**
     * The value escaped as by {@link #of}, in single quotes, cut after {@code maxCodePoints} characters of the
     * original (then ending in {@code ...}), for a message that quotes what was refused.
     */
    public static String quoted(String value, int maxCodePoints) {
        if (value == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder("'");
        value.codePoints().limit(maxCodePoints).forEach(c -> append(text, c));
        if (value.codePointCount(0, value.length()) > maxCodePoints) {
            text.append("...");
        }
        return text.append('\'').toString();
    }

    private static void append(StringBuilder text, int c) {
        switch (c) {
            case '\\' -> text.append("\\\\");
            case '\r' -> text.append("\\r");
            case '\n' -> text.append("\\n");
            case '\t' -> text.append("\\t");
            default -> {
                if (disguises(c)) {
                    text.append(String.format("\\u%04X", c));
                } else {
                    text.appendCodePoint(c);
                }
            }
        }
    }

    /** Whether the character could end a line, reorder what a viewer shows, or not be written at all. */
    private static boolean disguises(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }
}
