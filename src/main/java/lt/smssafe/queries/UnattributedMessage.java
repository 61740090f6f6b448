package lt.smssafe.queries;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A paid message kept without a session because the gateway could not tell who sent it (docs/protocol.md §8), as the
 * admin sees it on {@code /select}: enough to find the buyer by other means (the content names what was paid for).
 */
public record UnattributedMessage(String dialect, String messageId, String country, String operator,
        String content, BigDecimal cost, String currency, boolean test, Instant receivedAt) {
}
