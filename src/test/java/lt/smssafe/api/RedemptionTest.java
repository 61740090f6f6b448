package lt.smssafe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RedemptionTest {
    @Test
    void theRefusalsSayTheContractsTexts() {
        // docs/protocol.md §9: the result field of /redeem's answer
        assertThat(Arrays.stream(Redemption.Reason.values()).map(reason -> new Redemption.Refused(reason).result()))
                .containsExactly("already redeemed", "not paid yet", "reversed", "test payment", "unknown session");
    }
}
