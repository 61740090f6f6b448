package lt.smssafe.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a stranger's value looks like in a log line. */
class LogTextTest {
    @Test
    void lineBreaksAndTabsAreEscapedSoThatNoLineCanBeForged() {
        String forged = "order-1\r\n01-Dec-2026 10:00:00.000 INFO sms:safe session ABCDEFGH paid\tx";

        assertThat(LogText.of(forged))
                .isEqualTo("order-1\\r\\n01-Dec-2026 10:00:00.000 INFO sms:safe session ABCDEFGH paid\\tx")
                .doesNotContain("\r", "\n", "\t");
    }

    @Test
    void otherControlsSeparatorsAndBidiOverridesAreWrittenAsUnicodeEscapes() {
        assertThat(LogText.of("a\u0000b\u001bc\u007fd\u0085e")).isEqualTo("a\\u0000b\\u001Bc\\u007Fd\\u0085e");
        assertThat(LogText.of("x\u2028y\u2029z")).isEqualTo("x\\u2028y\\u2029z");
        assertThat(LogText.of("pay \u202Eevil\u202C \u2066i\u2069 \u200B")).isEqualTo(
                "pay \\u202Eevil\\u202C \\u2066i\\u2069 \\u200B");
        assertThat(LogText.of("lone \uD800 surrogate")).isEqualTo("lone \\uD800 surrogate");
    }

    @Test
    void aBackslashIsDoubledSoThatAnEscapeAlwaysMeansTheCharacter() {
        assertThat(LogText.of("typed \\n")).isEqualTo("typed \\\\n");
    }

    @Test
    void lettersOfEveryScriptAndEmojiStayAsTheBuyerWroteThem() {
        String text = "Ačiū, спасибо, 谢谢 😀 <b>&'\"";

        assertThat(LogText.of(text)).isEqualTo(text);
        assertThat(LogText.of(null)).isEqualTo("null");
    }

    @Test
    void quotedCutsAfterTheGivenLengthAndEscapesTheSame() {
        assertThat(LogText.quoted("ab\ncd", 4)).isEqualTo("'ab\\nc...'");
        assertThat(LogText.quoted("ab", 3)).isEqualTo("'ab'");
        assertThat(LogText.quoted("😀😀😀😀", 3)).isEqualTo("'😀😀😀...'");
    }
}
