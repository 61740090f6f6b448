package lt.smssafe.rates;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A gateway's operator name as the operator code the rates and sessions use (docs/protocol.md §8): lower case, every run
 * of characters outside {@code a-z 0-9} becomes {@code _}, trimmed of {@code _}, at most 32 characters; blank is
 * {@code unknown}. So Fortumo's {@code "Tele2 LT"} is {@code tele2_lt}, which a {@code local.xml} can name.
 *
 * <p>It lives with the rates because the rates match on it: the gateways' dialects turn a request's operator into
 * it, and Fortumo's service-data XML turns its operators into it, so both sides of a match follow one rule.
 */
public final class OperatorCode {
    /** The code of a gateway that names no operator. */
    public static final String UNKNOWN = "unknown";
    /** The longest operator code (docs/protocol.md §2's {@code provider}). */
    public static final int MAX_LENGTH = 32;

    private static final Pattern OUTSIDE = Pattern.compile("[^a-z0-9]+");

    private OperatorCode() {
    }

    /** The operator code for this operator name; {@code null} or blank is {@link #UNKNOWN}. */
    public static String of(String operatorName) {
        if (operatorName == null) {
            return UNKNOWN;
        }
        String code = OUTSIDE.matcher(operatorName.toLowerCase(Locale.ROOT)).replaceAll("_");
        code = trimUnderscores(code);
        if (code.length() > MAX_LENGTH) {
            // cutting may leave a trailing separator, which the rule trims as well
            code = trimUnderscores(code.substring(0, MAX_LENGTH));
        }
        return code.isEmpty() ? UNKNOWN : code;
    }

    private static String trimUnderscores(String code) {
        int start = 0;
        int end = code.length();
        while (start < end && code.charAt(start) == '_') {
            start++;
        }
        while (end > start && code.charAt(end - 1) == '_') {
            end--;
        }
        return code.substring(start, end);
    }
}
