package lt.smssafe.mbs;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The billing-report URL template (docs/protocol.md §7, the PHP {@code $url_delivery}): where the platform sends the
 * report of a transaction, with placeholders for the transaction's values. The client checks a template with it and
 * the test platform expands it with it, so both read a template the same way.
 *
 * <table>
 * <caption>Placeholders</caption>
 * <tr><th>short</th><th>braced</th><th>value</th></tr>
 * <tr><td>{@code %t}</td><td>{@code %{transaction_id}%}</td><td>the transaction id</td></tr>
 * <tr><td>{@code %s}</td><td>{@code %{service_id}%}</td><td>the service id</td></tr>
 * <tr><td>{@code %p}</td><td>{@code %{transaction_price}%}</td><td>the price in cents</td></tr>
 * <tr><td>{@code %cur}</td><td>{@code %{transaction_currency}%}</td><td>the currency, e.g. {@code EUR}</td></tr>
 * <tr><td>{@code %o}</td><td>{@code %{operator_id}%}</td><td>the operator's code, e.g. {@code bite_lt}</td></tr>
 * <tr><td>{@code %a}</td><td>{@code %{account_id}%}</td><td>the account id</td></tr>
 * <tr><td>{@code %n}</td><td>{@code %{operator_name}%}</td><td>the operator's name</td></tr>
 * <tr><td></td><td>{@code %{my_<name>}%}</td><td>the transaction's option {@code <name>}; empty without it</td></tr>
 * </table>
 *
 * <p>How a {@code %} is read, first rule that fits:
 * <ol>
 * <li>{@code %} and two hex digits is an ordinary URL escape and is left alone: {@code %20}, {@code %C4%85}. So
 *     {@code %a} directly followed by a hex digit ({@code %a1}) is an escape, not the account id: write
 *     {@code %{account_id}%} there.</li>
 * <li>{@code %{name}} with or without a final {@code %} is a braced placeholder; a {@code %} right after the
 *     {@code }} always belongs to it.</li>
 * <li>{@code %cur}, then {@code %t %s %p %o %a %n}; what follows is literal ({@code %tx} is the id and {@code x}).
 *     </li>
 * <li>Anything else is an unknown placeholder, and the template is refused naming it.</li>
 * </ol>
 *
 * <p>Values are percent-encoded as UTF-8 with {@code %20} for a space (not {@code +}), so they read back the same in
 * a query and in a path.
 *
 * <p>Placeholders stand in the path, the query or the fragment only: the scheme and the host are written out. The
 * client checks the template once, with sample values; a value in the host (an operator code's {@code _}, an
 * account id's space) would make the URL of a real report one without a host, or another host.
 */
public final class ReportUrlTemplate {
    private static final Pattern OPTION_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    /** A scheme, {@code //}, an authority, and what ends the authority: the text before the first placeholder. */
    private static final Pattern WRITTEN_OUT_HOST = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*[/?#].*",
            Pattern.DOTALL);
    private static final String OPTION_PREFIX = "my_";

    /** The values a placeholder can stand for. */
    private enum Field {
        TRANSACTION_ID("t", "transaction_id"),
        SERVICE_ID("s", "service_id"),
        PRICE("p", "transaction_price"),
        CURRENCY("cur", "transaction_currency"),
        OPERATOR_ID("o", "operator_id"),
        ACCOUNT_ID("a", "account_id"),
        OPERATOR_NAME("n", "operator_name");

        final String shortName;
        final String bracedName;

        Field(String shortName, String bracedName) {
            this.shortName = shortName;
            this.bracedName = bracedName;
        }
    }

    /** A piece of the template: literal text or a placeholder, each giving its text for one transaction. */
    private interface Part extends Function<Values, String> {
    }

    private record Values(Transaction transaction, String operatorName) {
    }

    private final String template;
    private final List<Part> parts;

    private ReportUrlTemplate(String template, List<Part> parts) {
        this.template = template;
        this.parts = parts;
    }

    /**
     * Reads a template.
     *
     * @throws IllegalArgumentException naming the first unknown or unterminated placeholder, e.g.
     *     {@code unknown placeholder '%{colour}%' in the report URL template}, when the template is not an
     *     absolute {@code http} or {@code https} URL, or when a placeholder stands before the end of its host
     */
    public static ReportUrlTemplate parse(String template) {
        Objects.requireNonNull(template, "report URL template is required");
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int firstPlaceholder = -1;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
            } else if (isHex(template, i + 1) && isHex(template, i + 2)) {
                literal.append(template, i, i + 3);
                i += 3;
            } else {
                if (!literal.isEmpty()) {
                    String text = literal.toString();
                    parts.add(values -> text);
                    literal.setLength(0);
                }
                firstPlaceholder = firstPlaceholder < 0 ? i : firstPlaceholder;
                i = placeholder(template, i, parts);
            }
        }
        if (!literal.isEmpty()) {
            String text = literal.toString();
            parts.add(values -> text);
        }
        ReportUrlTemplate parsed = new ReportUrlTemplate(template, List.copyOf(parts));
        parsed.requireHttpUrl();
        if (firstPlaceholder >= 0 && !WRITTEN_OUT_HOST.matcher(template.substring(0, firstPlaceholder)).matches()) {
            // not the template itself: its query may hold a token
            throw new IllegalArgumentException("the report URL template must write out its scheme and host, with "
                    + "placeholders only in the path, query or fragment");
        }
        return parsed;
    }

    /** Reads the placeholder at {@code start} (a {@code %}) into {@code parts}; answers where the rest begins. */
    private static int placeholder(String template, int start, List<Part> parts) {
        if (template.startsWith("{", start + 1)) {
            int close = template.indexOf('}', start + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unterminated placeholder '" + template.substring(start)
                        + "' in the report URL template");
            }
            boolean finalPercent = template.startsWith("%", close + 1);
            int end = finalPercent ? close + 2 : close + 1;
            parts.add(braced(template.substring(start + 2, close), template.substring(start, end)));
            return end;
        }
        for (Field field : Field.values()) {
            if (template.startsWith(field.shortName, start + 1)) {
                parts.add(value(field));
                return start + 1 + field.shortName.length();
            }
        }
        int end = start + 1;
        while (end < template.length() && isWordChar(template.charAt(end))) {
            end++;
        }
        if (end == start + 1 && end < template.length()) {
            end++;
        }
        throw new IllegalArgumentException("unknown placeholder '" + template.substring(start, end)
                + "' in the report URL template");
    }

    private static Part braced(String name, String written) {
        for (Field field : Field.values()) {
            if (field.bracedName.equals(name)) {
                return value(field);
            }
        }
        if (name.startsWith(OPTION_PREFIX) && OPTION_NAME.matcher(name.substring(OPTION_PREFIX.length())).matches()) {
            String option = name.substring(OPTION_PREFIX.length());
            return values -> encode(values.transaction().options().get(option));
        }
        throw new IllegalArgumentException("unknown placeholder '" + written + "' in the report URL template");
    }

    private static Part value(Field field) {
        return values -> {
            Transaction t = values.transaction();
            return encode(switch (field) {
                case TRANSACTION_ID -> String.valueOf(t.transactionId());
                case SERVICE_ID -> String.valueOf(t.serviceId());
                case PRICE -> String.valueOf(t.priceCents());
                case CURRENCY -> t.currency();
                case OPERATOR_ID -> t.operator();
                case ACCOUNT_ID -> t.accountId();
                case OPERATOR_NAME -> values.operatorName();
            });
        };
    }

    /**
     * The report URL for this transaction. A {@link Transaction} does not carry its operator's name, so
     * {@code %n} stands for the operator's code here; the platform, which knows the name, uses
     * {@link #expand(Transaction, String)}.
     */
    public String expand(Transaction transaction) {
        return expand(transaction, transaction.operator());
    }

    /** The report URL for this transaction, with {@code %n} standing for {@code operatorName}. */
    public String expand(Transaction transaction, String operatorName) {
        Objects.requireNonNull(transaction, "transaction is required");
        Values values = new Values(transaction, operatorName);
        StringBuilder url = new StringBuilder();
        for (Part part : parts) {
            url.append(part.apply(values));
        }
        return url.toString();
    }

    /** The template as written. */
    public String template() {
        return template;
    }

    @Override
    public String toString() {
        return template;
    }

    /** RFC 3986 percent-encoding: unlike form encoding, a space is {@code %20}, which a path reads back too. */
    static String encode(String value) {
        if (value == null) {
            return "";
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private void requireHttpUrl() {
        // a sample transaction shows what the platform would call; only its shape is checked
        Transaction sample = new Transaction(1, 1, "ident", "operator", "account", "37060000000", null,
                AccountType.UNKNOWN, 1, 1, "EUR", MtType.SMS, null, null, TransactionStatus.RESERVE, MbsState.OK,
                null, Map.of());
        try {
            URI uri = new URI(expand(sample));
            String scheme = uri.getScheme();
            if (uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below with the template
        }
        throw new IllegalArgumentException("the report URL template must be an absolute http or https URL, not '"
                + template + "'");
    }

    private static boolean isHex(String s, int index) {
        if (index >= s.length()) {
            return false;
        }
        char c = s.charAt(index);
        // ASCII only: Character.digit would also take full-width and other scripts' digits
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
