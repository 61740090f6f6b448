package lt.smssafe.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/protocol.md §9: {@code /redeem} admits {@code Authorization: Bearer <api.key>} and nothing else. */
class BearerKeyTest {
    private static final String KEY = "k3y-of-at-least-thirty-two-characters!";
    private final BearerKey key = new BearerKey(KEY);

    @Test
    void theKeyAfterBearerInAnyCaseIsAdmitted() {
        assertThat(key.admits("Bearer " + KEY)).isTrue();
        assertThat(key.admits("bearer " + KEY)).isTrue();
        assertThat(key.admits("BEARER  " + KEY + " ")).as("blanks around the key").isTrue();
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(key.admits(null)).isFalse();
        assertThat(key.admits("")).isFalse();
        assertThat(key.admits("Bearer")).isFalse();
        assertThat(key.admits("Bearer ")).isFalse();
        assertThat(key.admits(KEY)).as("without the scheme").isFalse();
        assertThat(key.admits("Basic " + KEY)).isFalse();
        assertThat(key.admits("Bearer " + KEY.substring(1))).isFalse();
        assertThat(key.admits("Bearer " + KEY + "x")).isFalse();
        assertThat(key.admits("Bearer " + KEY.toUpperCase())).as("the key compares exactly").isFalse();
    }

    @Test
    void anEmptyConfiguredKeyAdmitsNobody() {
        assertThat(new BearerKey("").admits("Bearer ")).isFalse();
    }
}
