package lt.smssafe.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Session codes: 8 characters of the contract's alphabet, parsed leniently as a user types them. */
class SessionCodeTest {
    @Test
    void randomCodesUseOnlyTheAlphabetAndEveryCharacterOfIt() {
        SplittableRandom seeded = new SplittableRandom(42);
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String code = SessionCode.random(seeded).value();
            // spelled out, not SessionCode.ALPHABET: this is where the contract's alphabet is pinned
            assertThat(code).hasSize(8).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}");
            code.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(32);
    }

    @Test
    void codesFromTheSecureGeneratorDoNotRepeatInPractice() {
        SecureRandom random = new SecureRandom();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(SessionCode.random(random).value());
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void parsingAcceptsLowerCaseAndBlanksAndRefusesLookAlikes() {
        assertThat(SessionCode.parse(" 7kq2m9xa ")).contains(new SessionCode("7KQ2M9XA"));
        assertThat(SessionCode.parse("7KQ2M9X0")).as("0 is not in the alphabet").isEmpty();
        assertThat(SessionCode.parse("7KQ2M9XAB")).isEmpty();
        assertThat(SessionCode.parse("<script>")).isEmpty();
        assertThat(SessionCode.parse(null)).isEmpty();
    }

    @Test
    void aValueThatIsNotACodeIsRefused() {
        assertThatThrownBy(() -> new SessionCode("IIIIIIII")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a session code: 'IIIIIIII'");
    }
}
