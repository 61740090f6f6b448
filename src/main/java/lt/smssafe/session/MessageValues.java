package lt.smssafe.session;

import java.math.BigDecimal;

/**
 * The values of one delivered SMS that matter to a session, already validated and verified (PROTOCOL.md §2).
 *
 * @param providerTime Unix seconds when the provider signed the delivery
 */
public record MessageValues(long safeId, String messageId, String msisdn, String country, String provider,
        String shortcode, String content, BigDecimal cost, String currency, long providerTime) {
}
