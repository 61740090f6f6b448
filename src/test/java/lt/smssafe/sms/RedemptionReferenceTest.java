package lt.smssafe.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/protocol.md §9: a reference is 1–128 printable characters, kept exactly as sent. */
class RedemptionReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "account-17", "order 42 / Jonas Žukauskas", "заказ №5", " padded ", "=1+1"})
    void printableTextIsAReferenceExactlyAsSent(String text) {
        assertThat(RedemptionReference.parse(text)).hasValueSatisfying(r -> assertThat(r.value()).isEqualTo(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "line\nbreak", "cr\rlf", "nul\u0000", "del\u007f", "c1\u0085",
        "zero\u200bwidth", "bidi\u202eoverride", "bom\ufeff", "private\ue000use", "line\u2028separator",
        "lone\ud800surrogate", "unassigned\u0378"})
    void emptyBlankControlFormatSeparatorPrivateSurrogateOrUnassignedIsNot(String text) {
        assertThat(RedemptionReference.parse(text)).isEmpty();
    }

    @Test
    void upTo128CodePointsNotUtf16Units() {
        assertThat(RedemptionReference.parse("x".repeat(128))).isPresent();
        assertThat(RedemptionReference.parse("😀".repeat(128))).as("256 UTF-16 units").isPresent();
        assertThat(RedemptionReference.parse("x".repeat(129))).isEmpty();
        assertThat(RedemptionReference.parse(null)).isEmpty();
    }

    @Test
    void theConstructorRefusesWithTheRuleAndWithoutTheValue() {
        assertThatThrownBy(() -> new RedemptionReference("evil\nline")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a redemption reference is 1 to 128 printable characters");
    }
}
