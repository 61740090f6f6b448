package lt.smssafe.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import lt.smssafe.sms.Answer;
import lt.smssafe.sms.SessionCode;

/**
 * The made-up phones and message ids of one test class, and the session codes its replies name. They are drawn from
 * a generator seeded by the class's name, so that every run draws the same ones and a failure can be run again as it
 * was; and no phone is drawn twice, so that no test's session is another's. Safe to draw from many threads.
 */
public final class TestData {
    /** A session code, as a regular expression: {@link SessionCode#LENGTH} characters of its alphabet. */
    public static final String CODE = "[" + SessionCode.ALPHABET + "]{" + SessionCode.LENGTH + "}";
    /** How a reply names its session: {@code session} and the code, the code as group 1. */
    private static final Pattern SESSION = Pattern.compile("session (" + CODE + ")");
    /** A Lithuanian mobile number as the gateways send it: {@code 3706} and seven digits. */
    private static final String MOBILE = "3706";
    private static final int PHONE_DIGITS = 11;

    private final Random random;
    private final Set<Long> phones = new HashSet<>();

    private TestData(long seed) {
        this.random = new Random(seed);
    }

    /** The generator of this test class: the same draws on every run. */
    public static TestData seededFor(Class<?> testClass) {
        return new TestData(testClass.getSimpleName().hashCode());
    }

    /** A mobile number ({@code 3706} and seven digits) not drawn before. */
    public String phone() {
        return phone(MOBILE);
    }

    /** An eleven-digit number that starts with {@code prefix} (a page's filter by number, say), not drawn before. */
    public synchronized String phone(String prefix) {
        long span = span(prefix);
        if (span < 1_000) {
            // a draw that cannot miss a number drawn before must have room: fail rather than loop for ever
            throw new IllegalArgumentException("prefix " + prefix + " leaves too few numbers to draw from");
        }
        long first = Long.parseLong(prefix) * span;
        long phone;
        do {
            phone = first + random.nextLong(span);
        } while (!phones.add(phone));
        return String.valueOf(phone);
    }

    /** {@code count} consecutive mobile numbers, in order, none of them drawn before. */
    public synchronized List<String> consecutivePhones(int count) {
        long span = span(MOBILE);
        long first = Long.parseLong(MOBILE) * span;
        while (true) {
            long start = first + random.nextLong(span - count);
            List<Long> block = LongStream.range(start, start + count).boxed().toList();
            if (block.stream().noneMatch(phones::contains)) {
                phones.addAll(block);
                return block.stream().map(String::valueOf).toList();
            }
        }
    }

    /** A message id: sixteen hex digits. */
    public synchronized String id() {
        return String.format("%016x", random.nextLong());
    }

    /** The code of the session an HTTP answer's body names; fails the test when it names none. */
    public static String code(HttpResponse<String> answer) {
        return code(answer.body());
    }

    /** The code of the session a processor's answer names; fails the test when it names none. */
    public static String code(Answer answer) {
        return code(answer.body());
    }

    /** The code of the session a reply names; fails the test when it names none. */
    public static String code(String reply) {
        Matcher matcher = SESSION.matcher(reply);
        assertThat(matcher.find()).as("a session code in '%s'", reply).isTrue();
        return matcher.group(1);
    }

    /** How many numbers have the prefix: 10 to the power of the digits it leaves. */
    private static long span(String prefix) {
        long span = 1;
        for (int i = prefix.length(); i < PHONE_DIGITS; i++) {
            span *= 10;
        }
        return span;
    }
}
