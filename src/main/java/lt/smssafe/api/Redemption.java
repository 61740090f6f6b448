package lt.smssafe.api;

import java.time.Instant;
import java.util.Locale;

/**
 * What {@link SmsSafePayments#redeem} answered (docs/protocol.md §9): {@link Redeemed}, and the site gives what was paid
 * for; or {@link Refused} with the reason, and it does not.
 *
 * <pre>{@code
 * Redemption redemption = SmsSafePayments.of(getServletContext()).redeem(code, "account-17");
 * if (redemption instanceof Redemption.Redeemed redeemed) {
 *     // give it: redeemed.session().content() says what was paid for
 * } else {
 *     // tell the buyer: redemption.result() is "already redeemed", "not paid yet", ...
 * }
 * }</pre>
 */
public sealed interface Redemption permits Redemption.Redeemed, Redemption.Refused {
    /** The contract's word for it, as {@code /redeem} writes it in {@code "result"}: {@code redeemed}, ... */
    String result();

    /**
     * The code is spent for {@code reference}: now, or earlier for the same reference (a retry, answered with the
     * first redemption's values).
     *
     * @param session the session's status, which says {@code isRedeemed()}; a gateway's reversal after the
     *     redemption shows here as {@code isReversed()}
     * @param redeemedAt when it was first redeemed, in whole milliseconds
     */
    record Redeemed(SessionStatus session, String reference, Instant redeemedAt) implements Redemption {
        @Override
        public String result() {
            return "redeemed";
        }
    }

    /** The code was not spent, for this reason. */
    record Refused(Reason reason) implements Redemption {
        @Override
        public String result() {
            return reason.text();
        }
    }

    /** Why a code was not spent. */
    enum Reason {
        /** Spent earlier for another reference: which one and when is not told. */
        ALREADY_REDEEMED,
        /** Open or waiting for its last message. */
        NOT_PAID_YET,
        /** A gateway reported one of its messages as not billed. */
        REVERSED,
        /** Paid by the gateway's test messages, and {@code redeem.test} is {@code reject}. */
        TEST_PAYMENT,
        /** No session of this safe has this code, or the text is not a code. */
        UNKNOWN_SESSION;

        /** The contract's text: the constant's name in lower case, e.g. {@code already redeemed}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
