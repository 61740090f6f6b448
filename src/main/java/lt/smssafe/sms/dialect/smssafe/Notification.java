package lt.smssafe.sms.dialect.smssafe;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import lt.smssafe.logging.LogText;
import lt.smssafe.sms.PaidMessage;

/**
 * One well-formed notification of a paid SMS, as the sms:safe gateway sent it to {@code /result} (docs/protocol.md §2). Being
 * well-formed says nothing about being genuine: {@link NotificationSigner} and {@link NotificationGate} decide that.
 * Once the gate accepted it, it is the {@link PaidMessage} the processor counts.
 *
 * <p>The {@link #canonical() canonical string} is built from the texts exactly as received, never from the parsed
 * values: the gateway signed its own texts, so {@code safe=0012} or {@code cost_local=1.5} must be signed as
 * {@code 0012} and {@code 1.5}, not as {@code 12} and {@code 1.50}.
 *
 * <p>{@code country} is accepted in either case, because the protocol only says "2 letters", and is exposed in
 * lower case, as the rates spell it; {@code currency} likewise in either case and exposed in upper case, as ISO 4217
 * spells it. Both stay as sent in the canonical string.
 *
 * <p><b>One way to cut.</b> The canonical string joins ten fields with {@code ::}, and only {@code content} may
 * hold {@code ::}. The six fields left of it hold no {@code ::} and neither start nor end with {@code :}
 * ({@code message_id} has single colons only, inside; the others none), so the first six places where {@code ::}
 * occurs are exactly their six separators (an earlier one would need two adjacent colons inside a field or a field
 * ending with one). The three fields right of it hold no colon at all, so the last three places are theirs.
 * {@code content} is what lies between the 6th separator from the left and the 3rd from the right, whatever it
 * holds, and every field is fixed by the signed string. Before this form a holder of one signed request whose
 * {@code content} holds {@code ::} could cut it into another with the same {@code sign}: a {@code message_id}
 * swallowing the next fields, another {@code msisdn}, a new id counted again; now that request is
 * {@code 400 bad request: message_id}.
 */
public final class Notification implements PaidMessage {
    /** How much of an offending value an exception message shows: it may end up in a log line. */
    private static final int SHOWN_CODE_POINTS = 40;

    // \d is ASCII-only here (no UNICODE_CHARACTER_CLASS), so Long.parseLong never meets digits like '١'; the
    // lengths keep every number within a long, so parsing cannot fail once the form matched.
    private static final Pattern SAFE = Pattern.compile("\\d{1,10}");
    /** 1–64 of {@code A-Z a-z 0-9 . _ : -}, a {@code :} never first, last or next to another (see the class). */
    private static final Pattern MESSAGE_ID =
            Pattern.compile("(?=[A-Za-z0-9._:-]{1,64}\\z)[A-Za-z0-9._-]+(:[A-Za-z0-9._-]+)*");
    private static final Pattern MSISDN = Pattern.compile("\\d{5,20}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern OPERATOR = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Pattern SHORTCODE = Pattern.compile("\\d{1,10}");
    private static final Pattern COST = Pattern.compile("\\d{1,8}(\\.\\d{1,2})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern TIME = Pattern.compile("\\d{1,12}");
    private static final Pattern SIGN = Pattern.compile("[0-9A-Fa-f]{1,128}");

    private final long safeId;
    private final String messageId;
    private final String msisdn;
    private final String country;
    private final String operator;
    private final String shortcode;
    private final String content;
    private final BigDecimal cost;
    private final String currency;
    private final long epochSeconds;
    private final String sign;
    private final String canonical;

    private Notification(String safe, String messageId, String msisdn, String country, String operator,
            String shortcode, String content, String costLocal, String currency, String time, String sign) {
        this.safeId = Long.parseLong(safe);
        this.messageId = messageId;
        this.msisdn = msisdn;
        this.country = country.toLowerCase(Locale.ROOT);
        this.operator = operator;
        this.shortcode = shortcode;
        this.content = content;
        this.cost = new BigDecimal(costLocal);
        this.currency = currency.toUpperCase(Locale.ROOT);
        this.epochSeconds = Long.parseLong(time);
        this.sign = sign;
        this.canonical = String.join(NotificationSigner.SEPARATOR, safe, messageId, msisdn, country, operator, shortcode, content,
                costLocal, currency, time);
    }

    /**
     * Reads the eleven parameters of docs/protocol.md §2 from a request's parameter map (already URL-decoded as UTF-8,
     * as {@code ServletRequest#getParameterMap()} gives it). Other parameters are ignored.
     *
     * @throws MalformedNotificationException naming the first parameter, in the protocol's order, that is missing,
     *         given more than once, or not in its form
     */
    public static Notification parse(Map<String, String[]> parameters) throws MalformedNotificationException {
        Map<String, String[]> given = parameters == null ? Map.of() : parameters;
        String safe = take(given, "safe", SAFE, "1-10 digits");
        String messageId = take(given, "message_id", MESSAGE_ID,
                "1-64 of A-Z a-z 0-9 . _ : -, a ':' never first, last or doubled");
        String msisdn = take(given, "msisdn", MSISDN, "5-20 digits");
        String country = take(given, "country", COUNTRY, "2 letters");
        String operator = take(given, "provider", OPERATOR, "1-32 of a-z 0-9 _");
        String shortcode = take(given, "shortcode", SHORTCODE, "1-10 digits");
        String content = single(given, "content");
        if (content.codePointCount(0, content.length()) > MAX_CONTENT_CODE_POINTS) {
            throw malformed("content", content, "at most " + MAX_CONTENT_CODE_POINTS + " characters");
        }
        String costLocal = take(given, "cost_local", COST, "a decimal with at most 2 fraction digits");
        String currency = take(given, "currency", CURRENCY, "3 letters");
        String time = take(given, "time", TIME, "Unix seconds, 1-12 digits");
        String sign = take(given, "sign", SIGN, "1-128 hex digits");
        return new Notification(safe, messageId, msisdn, country, operator, shortcode, content, costLocal, currency,
                time, sign);
    }

    /** The name of this dialect, stored with its messages and sessions. */
    public static final String DIALECT = "smssafe";

    @Override
    public String dialect() {
        return DIALECT;
    }

    /** The safe id, numerically: {@code 0012} is 12. */
    public long safeId() {
        return safeId;
    }

    @Override
    public String messageId() {
        return messageId;
    }

    @Override
    public String msisdn() {
        return msisdn;
    }

    /** ISO 3166-1 alpha-2 in lower case, as the rates spell it. */
    @Override
    public String country() {
        return country;
    }

    @Override
    public String operator() {
        return operator;
    }

    @Override
    public String shortcode() {
        return shortcode;
    }

    /** The message text; may be empty. */
    @Override
    public String content() {
        return content;
    }

    /** {@code cost_local} with the scale it was sent with ({@code 1.5}, not {@code 1.50}). */
    @Override
    public BigDecimal cost() {
        return cost;
    }

    /** ISO 4217 in upper case. */
    @Override
    public String currency() {
        return currency;
    }

    /** {@code time}: Unix seconds when the gateway signed the request. */
    @Override
    public long gatewayTime() {
        return epochSeconds;
    }

    /** The signature as sent, in whatever case the gateway used. */
    public String sign() {
        return sign;
    }

    /** The texts of {@code safe} to {@code time} as received, joined with {@code ::}: what was signed. */
    public String canonical() {
        return canonical;
    }

    /** Leaves out the phone number and the content, so that a log line of it does not reveal who paid for what. */
    @Override
    public String toString() {
        return "Notification[safe=" + safeId + ", message_id=" + messageId + ", country=" + country + ", provider="
                + operator + ", shortcode=" + shortcode + ", cost=" + cost + " " + currency + ", time="
                + epochSeconds + "]";
    }

    private static String take(Map<String, String[]> given, String name, Pattern form, String description)
            throws MalformedNotificationException {
        String value = single(given, name);
        if (!form.matcher(value).matches()) {
            throw malformed(name, value, description);
        }
        return value;
    }

    /** The one value of a parameter: a second value would leave open which of them was signed. */
    private static String single(Map<String, String[]> given, String name) throws MalformedNotificationException {
        String[] values = given.get(name);
        if (values == null || values.length == 0 || values[0] == null) {
            throw new MalformedNotificationException(name, "parameter '" + name + "' is missing");
        }
        if (values.length > 1) {
            throw new MalformedNotificationException(name,
                    "parameter '" + name + "' is given " + values.length + " times");
        }
        return values[0];
    }

    private static MalformedNotificationException malformed(String name, String value, String description) {
        return new MalformedNotificationException(name,
                "parameter '" + name + "' must be " + description + ", not " + shown(value));
    }

    /** The value quoted, cut short and on one line, fit for a log. */
    private static String shown(String value) {
        return LogText.quoted(value, SHOWN_CODE_POINTS);
    }

    /**
     * A notification with a parameter missing, given more than once, or not in its form (docs/protocol.md §2). It names the
     * first such parameter in the protocol's order, which is what the gateway is told in the {@code 400} answer.
     *
     * <p>Checked on purpose: a caller's mistake must end as a {@code 400}, never as an unchecked exception that a
     * container turns into a {@code 500}.
     */
    public static final class MalformedNotificationException extends Exception {
        private static final long serialVersionUID = 1L;

        private final String parameter;

        /**
         * @param parameter the protocol name of the offending parameter, e.g. {@code cost_local}
         * @param message what is wrong with it, with the offending value where there is one
         */
        public MalformedNotificationException(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        /** The protocol name of the offending parameter, e.g. {@code cost_local}. */
        public String parameter() {
            return parameter;
        }
    }
}
