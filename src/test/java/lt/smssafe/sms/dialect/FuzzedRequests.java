package lt.smssafe.sms.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.PaidMessage;

/**
 * What the dialects' fuzz tests share: a gateway's parameters made of fuzzer data, and the properties every
 * dialect's answer must have whatever arrived (docs/protocol.md §2 and §8).
 *
 * <p>The parameters are read as name, value, name, value… with {@link FuzzedDataProvider#consumeString}, which ends
 * a string at a backslash followed by any other character, so an input file reads as
 * {@code message\|order-42\|sender\|37060000001\|…} (a backslash itself is written twice). A name given again adds
 * a second value, as {@code ServletRequest#getParameterMap()} has it.
 */
public final class FuzzedRequests {
    /** Longer than every form of the protocol allows, so that the length limits are reached too. */
    private static final int MAX_VALUE = 400;
    private static final int MAX_NAME = 40;
    private static final Pattern OPERATOR_CODE = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Pattern COUNTRY = Pattern.compile("[a-z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** The refusals of §2 and §8 that a request can earn before the database is asked. */
    private static final Set<String> REFUSALS = Set.of("forbidden", "checksum failed", "unknown safe",
            "unknown service", "stale request", "test messages refused");

    private FuzzedRequests() {
    }

    /** The rest of the data as parameters, in the order they came. */
    public static Map<String, String[]> parameters(FuzzedDataProvider data) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        while (data.remainingBytes() > 0) {
            String name = data.consumeString(MAX_NAME);
            String value = data.consumeString(MAX_VALUE);
            parameters.merge(name, new String[] {value}, FuzzedRequests::concat);
        }
        return parameters;
    }

    /** The first value of each parameter, as a signer takes them. */
    public static Map<String, String> firstValues(Map<String, String[]> parameters) {
        Map<String, String> first = new LinkedHashMap<>();
        parameters.forEach((name, values) -> first.put(name, values.length == 0 ? "" : values[0]));
        return first;
    }

    /** Sets one parameter to a single value, replacing whatever the fuzzer gave for it. */
    public static void put(Map<String, String[]> parameters, String name, String value) {
        parameters.put(name, new String[] {value});
    }

    /**
     * A refusal is one of the contract's answers, and a 4xx: what the caller sent can never be our failure (a 5xx
     * makes a gateway retry forever). A {@code 400} names a parameter the dialect reads, as
     * {@code bad request: <parameter>}.
     */
    public static void assertIsTheCallersAnswer(RejectedRequestException refusal, Set<String> parameters) {
        assertThat(refusal.status()).as("status of '%s'", refusal.answer()).isBetween(400, 499);
        if (refusal.reason() == RejectedRequestException.Reason.BAD_REQUEST) {
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.parameter()).hasValueSatisfying(name -> assertThat(parameters).contains(name));
            assertThat(refusal.answer()).isEqualTo("bad request: " + refusal.parameter().orElseThrow());
        } else {
            assertThat(refusal.answer()).isIn(REFUSALS);
        }
    }

    /** An accepted message holds only values in the forms the engine, the rates and the pages rely on. */
    public static void assertWellFormed(PaidMessage message) {
        assertThat(message.messageId()).matches(MESSAGE_ID);
        assertThat(message.country()).matches(COUNTRY);
        assertThat(message.currency()).matches(CURRENCY);
        assertThat(message.operator()).matches(OPERATOR_CODE);
        assertThat(message.msisdn()).doesNotContainAnyWhitespaces();
        assertThat(message.content().codePointCount(0, message.content().length()))
                .isLessThanOrEqualTo(PaidMessage.MAX_CONTENT_CODE_POINTS);
        assertThat(message.cost()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(message.cost().scale()).isBetween(0, 2);
    }

    private static String[] concat(String[] first, String[] more) {
        String[] both = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, both, first.length, more.length);
        return both;
    }
}
