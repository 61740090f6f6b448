package lt.smssafe.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A payment session as it stands at one moment: what the status page, its JSON and the site owner's code see.
 *
 * @param received k, the messages counted so far
 * @param required N, the messages that close the session
 * @param waitLeft while waiting, how long until the last message may be sent; zero otherwise
 * @param operator the sender's mobile operator as a code, e.g. {@code bite_lt} (the notification's {@code provider})
 * @param msisdn the full phone number (or gateway's sender id): only for the admin and the site owner's code,
 *     never for a public page (use {@link #maskedMsisdn()} there)
 * @param dialect the gateway it is paid through: {@code smssafe}, {@code fortumo}, {@code paysera}
 * @param test whether it collects the gateway's test messages (no money moves)
 * @param reversedAt when a message of the closed session was first reported as not billed
 * @param reversedTotal what reversed messages took from the closed session
 * @param redeemedAt when its code was spent (docs/protocol.md §9)
 * @param redeemedFor the reference the site spent it for: for the admin and the site owner's code, never for a
 *     public page or the status JSON
 */
public record SessionStatus(String code, SessionState state, int received, int required, Duration waitLeft,
        Instant openedAt, Instant lastMessageAt, Optional<Instant> closedAt, String content, BigDecimal total,
        String currency, String country, String operator, String msisdn, String dialect, boolean test,
        Optional<Instant> reversedAt, BigDecimal reversedTotal, Optional<Instant> redeemedAt,
        Optional<String> redeemedFor) {

    /** The wait left in whole seconds, rounded up, so that a waiting session never shows 0. */
    public long waitSeconds() {
        long seconds = waitLeft.getSeconds();
        return waitLeft.getNano() > 0 ? seconds + 1 : seconds;
    }

    /** The phone number with its middle hidden, for pages anyone may open: {@code 370******01}. */
    public String maskedMsisdn() {
        return PhoneNumbers.mask(msisdn);
    }

    /** Whether a message of the closed session was reported as not billed. */
    public boolean isReversed() {
        return reversedAt.isPresent();
    }

    /** Whether its code was spent (docs/protocol.md §9). */
    public boolean isRedeemed() {
        return redeemedAt.isPresent();
    }

    /** Whether all messages arrived. */
    public boolean isClosed() {
        return state == SessionState.CLOSED;
    }

    /** The state's name as JSON and filters write it: {@code open}, {@code waiting}, {@code closed}. */
    public String stateCode() {
        return state.code();
    }
}
