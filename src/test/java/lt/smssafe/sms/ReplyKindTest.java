package lt.smssafe.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one rule for "counted": every reply but the wait's and the unidentified sender's counts the message. */
class ReplyKindTest {
    @Test
    void onlyARejectedOrUnattributedMessageIsNotCounted() {
        assertThat(Arrays.stream(ReplyKind.values()).filter(kind -> !kind.counted()))
                .containsExactly(ReplyKind.WAIT, ReplyKind.UNIDENTIFIED);
    }
}
