package lt.smssafe;

import java.time.Instant;
import java.util.Optional;
import lt.smssafe.api.Redemption;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.api.SmsSafePayments;
import lt.smssafe.mbs.MbsDirect;
import lt.smssafe.queries.SessionQueries;
import lt.smssafe.sms.PaymentSession;
import lt.smssafe.sms.RedemptionReference;
import lt.smssafe.sms.Redemptions;
import lt.smssafe.sms.SessionRedemption;

/**
 * The site owner's entry, answered by one running installation: here, not in {@code api}, because {@code api} is
 * what the inside compiles against and must not import the inside back.
 */
final class InstallationPayments extends SmsSafePayments {
    private final SessionQueries queries;
    private final Redemptions redemptions;

    InstallationPayments(SessionQueries queries, Redemptions redemptions, Optional<MbsDirect> mbs) {
        super(mbs);
        this.queries = queries;
        this.redemptions = redemptions;
    }

    @Override
    public Optional<SessionStatus> session(String code) {
        return queries.status(code);
    }

    @Override
    public Redemption redeem(String code, String reference) {
        RedemptionReference parsed = RedemptionReference.parse(reference)
                .orElseThrow(() -> new IllegalArgumentException(RedemptionReference.RULE));
        Redemptions.Attempt attempt = redemptions.redeem(code, parsed);
        return switch (attempt.verdict()) {
            case REDEEMED -> {
                SessionRedemption redemption = attempt.redemption().orElseThrow();
                yield new Redemption.Redeemed(status(attempt.session().orElseThrow(), redemption, attempt.at()),
                        redemption.reference(), redemption.redeemedAt());
            }
            case ALREADY_REDEEMED -> new Redemption.Refused(Redemption.Reason.ALREADY_REDEEMED);
            case NOT_PAID_YET -> new Redemption.Refused(Redemption.Reason.NOT_PAID_YET);
            case REVERSED -> new Redemption.Refused(Redemption.Reason.REVERSED);
            case TEST_PAYMENT -> new Redemption.Refused(Redemption.Reason.TEST_PAYMENT);
            case UNKNOWN_SESSION -> new Redemption.Refused(Redemption.Reason.UNKNOWN_SESSION);
        };
    }

    /** The redeemed session's status at the moment of its redemption. */
    private static SessionStatus status(PaymentSession session, SessionRedemption redemption, Instant now) {
        return new SessionStatus(session.code().value(), session.stateAt(now), session.receivedMessages(),
                session.requiredMessages(), session.waitLeftAt(now), session.openedAt(), session.lastMessageAt(),
                session.closedAt(), session.content(), session.total(), session.currency(), session.country(),
                session.operator(), session.msisdn(), session.dialect(), session.test(), session.reversedAt(),
                session.reversedTotal(), Optional.of(redemption.redeemedAt()), Optional.of(redemption.reference()));
    }
}
