package lt.smssafe.mbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The billing-report URL template (docs/protocol.md §7) under fuzzed templates and transactions. In the suite it runs
 * the inputs in {@code ReportUrlTemplateFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes one method.
 *
 * <p>Inputs are read with {@link FuzzedDataProvider#consumeString}, which ends a string at a backslash followed by
 * any other character: a file reads as {@code <template>\|<transaction id>\|…}.
 */
class ReportUrlTemplateFuzzTest {
    private static final String BASE = "https://shop.example.lt/mbs/report?";
    /** Every placeholder as the contract writes it, in the short, the braced and the braced-without-% forms. */
    private static final List<String> FIELDS = List.of("t", "s", "p", "cur", "o", "a", "n");
    private static final List<String> BRACED = List.of("transaction_id", "service_id", "transaction_price",
            "transaction_currency", "operator_id", "account_id", "operator_name");
    /** What a literal piece of the structured templates may not hold: a query holds the rest as it is. */
    private static final Pattern NOT_OPTION_NAME = Pattern.compile("[^A-Za-z0-9_.-]");
    private static final Pattern NOT_LITERAL = Pattern.compile("[^A-Za-z0-9\\-._~!$'()*+,;=:@/?&]");

    /**
     * Any template: refused with a message that names the template, or a template whose report URL, for any
     * transaction, is an absolute {@code http} or {@code https} URL with a host, as the client checked it to be.
     */
    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({"http://", "https://", "%t", "%s", "%p", "%cur", "%o", "%a", "%n", "%{transaction_id}%",
        "%{service_id}%", "%{transaction_price}%", "%{transaction_currency}%", "%{operator_id}%", "%{account_id}%",
        "%{operator_name}%", "%{my_", "}%", "%20", "?", "#", "[::1]", ":8080", "@"})
    void aTemplateIsAnHttpUrlForEveryTransactionOrRefused(FuzzedDataProvider data) {
        String written = data.consumeString(300);
        ReportUrlTemplate template;
        try {
            template = ReportUrlTemplate.parse(written);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).contains("report URL template");
            return;
        }
        Transaction transaction = transaction(data);
        String url = template.expand(transaction, data.consumeString(60));
        assertThatCode(() -> new URI(url)).as("the report URL of '%s'", written).doesNotThrowAnyException();
        URI uri = uri(url);
        assertThat(uri.getScheme()).as(url).matches("(?i)https?");
        assertThat(uri.getHost()).as("the host of %s, from '%s'", url, written).isNotNull();
    }

    /**
     * Templates made of literal text and placeholders: each placeholder becomes its value percent-encoded as UTF-8
     * (unreserved characters as they are, everything else {@code %XX}, a space {@code %20}), and the site reads
     * each value back from the query exactly.
     */
    @FuzzTest(maxDuration = "2m")
    void placeholdersBecomeTheirValuesPercentEncoded(FuzzedDataProvider data) {
        Transaction transaction = transaction(data);
        String operatorName = data.consumeString(60);
        List<Piece> pieces = new ArrayList<>();
        while (data.remainingBytes() > 0) {
            String literal = literal(data.consumeString(20));
            int choice = data.consumeInt(0, Piece.OPTION);
            pieces.add(new Piece(choice, choice == Piece.OPTION ? optionName(data.consumeString(12)) : null, literal));
        }
        // written from the end, so that each placeholder's form can depend on the text that follows it
        String written = "";
        String expected = "";
        String readBack = "";
        boolean wellFormed = true;
        for (int i = pieces.size() - 1; i >= 0; i--) {
            Piece piece = pieces.get(i);
            String value = piece.value(transaction, operatorName);
            written = piece.placeholder(piece.literal() + written) + piece.literal() + written;
            expected = percentEncoded(value) + piece.literal() + expected;
            readBack = (value == null ? "" : value) + piece.literal() + readBack;
            wellFormed &= value == null || StandardCharsets.UTF_8.newEncoder().canEncode(value);
        }
        String template = BASE + written;
        String url = ReportUrlTemplate.parse(template).expand(transaction, operatorName);

        assertThat(url).as("'%s' expanded", template).isEqualTo(BASE + expected);
        URI uri = uri(url);
        assertThat(uri.getHost()).isEqualTo("shop.example.lt");
        if (wellFormed) {
            assertThat(uri.getQuery()).as("the query of %s read back", url)
                    .isEqualTo(BASE.substring(BASE.indexOf('?') + 1) + readBack);
        }
    }

    /**
     * One placeholder and the literal text after it. {@code choice}: 0–6 a field's short form, 7–13 its braced form,
     * 14–20 braced without the final {@code %}, 21 no placeholder, 22 an option.
     */
    private record Piece(int choice, String option, String literal) {
        static final int NONE = FIELDS.size() * 3;
        static final int OPTION = NONE + 1;

        String value(Transaction t, String operatorName) {
            if (choice == OPTION) {
                return t.options().get(option);
            }
            return choice == NONE ? null : switch (FIELDS.get(choice % FIELDS.size())) {
                case "t" -> String.valueOf(t.transactionId());
                case "s" -> String.valueOf(t.serviceId());
                case "p" -> String.valueOf(t.priceCents());
                case "cur" -> t.currency();
                case "o" -> t.operator();
                case "a" -> t.accountId();
                default -> operatorName;
            };
        }

        /**
         * Written as the contract says to write it before this text: {@code %a} before a hex digit would be an
         * escape, and a {@code %} right after a braced placeholder closes it.
         */
        String placeholder(String following) {
            if (choice == OPTION) {
                return "%{my_" + option + "}%";
            }
            if (choice == NONE) {
                return "";
            }
            int field = choice % FIELDS.size();
            int form = choice / FIELDS.size();
            boolean beforeHex = !following.isEmpty() && Character.digit(following.charAt(0), 16) >= 0;
            if (form == 0 && FIELDS.get(field).equals("a") && beforeHex || form == 2 && following.startsWith("%")) {
                form = 1;
            }
            return switch (form) {
                case 0 -> "%" + FIELDS.get(field);
                case 1 -> "%{" + BRACED.get(field) + "}%";
                default -> "%{" + BRACED.get(field) + "}";
            };
        }
    }

    /** A transaction as the platform could answer it: positive ids, any texts. */
    private static Transaction transaction(FuzzedDataProvider data) {
        long id = data.consumeLong(1, Long.MAX_VALUE);
        long service = data.consumeLong(1, Long.MAX_VALUE);
        long price = data.consumeLong(0, Long.MAX_VALUE);
        String currency = data.consumeString(3);
        String operator = data.consumeString(32);
        String account = data.consumeString(60);
        Map<String, String> options = new LinkedHashMap<>();
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
            options.put(data.consumeString(12), data.consumeString(60));
        }
        return new Transaction(id, service, "order-1", operator, account, "37060000001", null, AccountType.PREPAID,
                price, price, currency, MtType.SMS, "text", null, TransactionStatus.COMMIT, MbsState.OK, null, options);
    }

    /** An option name of {@code [A-Za-z0-9_.-]+}: what the fuzzer gave without the other characters. */
    private static String optionName(String fuzzed) {
        String name = NOT_OPTION_NAME.matcher(fuzzed).replaceAll("");
        return name.isEmpty() ? "x" : name;
    }

    /** Literal text a query may hold as it is: what the fuzzer gave without the other characters. */
    private static String literal(String fuzzed) {
        return NOT_LITERAL.matcher(fuzzed).replaceAll("");
    }

    /** RFC 3986 percent-encoding, written out here independently of the production code. */
    private static String percentEncoded(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return encoded.toString();
    }

    private static URI uri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new AssertionError("not a URI: " + url, e);
        }
    }
}
