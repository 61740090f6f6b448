package lt.smssafe.sms;

import lt.smssafe.i18n.Language;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The five replies, exactly as docs/protocol.md §3 writes them in English, and within one SMS in every language. */
class RepliesTest {
    private static final SessionCode CODE = new SessionCode("7KQ2M9XA");
    /** The longest {left} a day's delay can produce in Russian: "11 часов 22 минуты". */
    private static final Duration LONGEST_LEFT = Duration.ofHours(11).plusMinutes(22);
    /** Characters that take two septets in the GSM 7-bit alphabet. */
    private static final String GSM_EXTENSION = "^{}\\[~]|€";
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    @Test
    void englishRepliesAreExactlyTheContractsTexts() {
        Duration left = Duration.ofHours(23).plusMinutes(59);

        assertThat(Replies.text(Language.EN, ReplyKind.STARTED, CODE, Duration.ZERO))
                .isEqualTo("your message is received, session 7KQ2M9XA started");
        assertThat(Replies.text(Language.EN, ReplyKind.NEXT, CODE, Duration.ZERO))
                .isEqualTo("your message is received for session 7KQ2M9XA");
        assertThat(Replies.text(Language.EN, ReplyKind.LAST, CODE, left)).isEqualTo(
                "your message is received for session 7KQ2M9XA, DO NOT send the last message (23 hours 59 minutes left)");
        assertThat(Replies.text(Language.EN, ReplyKind.CLOSED, CODE, Duration.ZERO))
                .isEqualTo("your message is received, session 7KQ2M9XA closed");
        assertThat(Replies.text(Language.EN, ReplyKind.WAIT, CODE, left))
                .isEqualTo("error. your message cannot be processed (23 hours 59 minutes left)");
    }

    @Test
    void lithuanianAndRussianNameTheSessionAndTheTimeLeft() {
        assertThat(Replies.text(Language.LT, ReplyKind.LAST, CODE, Duration.ofHours(24)))
                .isEqualTo("jusu zinute gauta sesijai 7KQ2M9XA, NESIUSKITE paskutines zinutes (liko 24 valandos 0 minuciu)");
        assertThat(Replies.text(Language.RU, ReplyKind.WAIT, CODE, Duration.ofMinutes(5)))
                .isEqualTo("Ошибка. Сообщение не может быть обработано (ещё 0 часов 5 минут)");
        assertThat(Replies.text(Language.RU, ReplyKind.CLOSED, CODE, Duration.ZERO)).contains("7KQ2M9XA");
    }

    /** The pages write Lithuanian with its diacritics (PagesIT); an SMS leaves them out to stay in GSM 7-bit. */
    @ParameterizedTest
    @EnumSource(ReplyKind.class)
    void lithuanianRepliesHaveNoDiacriticsWhateverTimeIsLeft(ReplyKind kind) {
        for (Duration left : new Duration[] {Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(10), Duration.ofHours(1).plusMinutes(21), LONGEST_LEFT, Duration.ofHours(24)}) {
            String text = Replies.text(Language.LT, kind, CODE, left);

            assertThat(text).as("%s with %s left: ASCII, so no diacritics", kind, left).matches("\\p{ASCII}+");
        }
    }

    @ParameterizedTest
    @EnumSource(ReplyKind.class)
    void everyReplyFitsInOneSmsInEveryLanguage(ReplyKind kind) {
        for (Language language : Language.values()) {
            String text = Replies.text(language, kind, CODE, LONGEST_LEFT);
            if (isGsm7(text)) {
                assertThat(septets(text)).as("%s %s: %s", language, kind, text).isLessThanOrEqualTo(160);
            } else {
                assertThat(text.length()).as("%s %s (UCS-2): %s", language, kind, text).isLessThanOrEqualTo(70);
            }
        }
    }

    @Test
    void theJvmsDefaultLocaleDoesNotLeakIntoAReply() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ru"));
            assertThat(Replies.text(Language.EN, ReplyKind.NEXT, CODE, Duration.ZERO))
                    .isEqualTo("your message is received for session 7KQ2M9XA");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    private static int septets(String text) {
        return text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
    }
}
