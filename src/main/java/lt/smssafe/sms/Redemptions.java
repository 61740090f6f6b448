package lt.smssafe.sms;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import lt.smssafe.api.SessionState;
import lt.smssafe.persistence.Database;

/**
 * Spends a paid session's code once (docs/protocol.md §9), the one writer of {@link SessionRedemption}.
 *
 * <p>Exactly once is decided by the database, not by the read that comes first: the insert of the redemption
 * either commits or fails on the table's unique key on the session (on Galera, on its certification at commit).
 * The loser's transaction is rolled back as a conflict and {@link Database#inRetriedTransaction} runs it again from
 * the start; that run finds the winner's row and answers from it: {@link Verdict#REDEEMED} with the stored values
 * for the same reference (a retry), {@link Verdict#ALREADY_REDEEMED} for another. The read before the insert only
 * spares the common retry a failed insert; without the key, two redemptions that read at once would both insert.
 * The redemption is committed before it is answered.
 */
public final class Redemptions {
    private final Database database;
    private final long safeId;
    private final boolean testPaymentsRedeemable;
    private final Clock clock;

    /** @param testPaymentsRedeemable {@code redeem.test = accept}: a test payment may be redeemed like a paid one */
    public Redemptions(Database database, long safeId, boolean testPaymentsRedeemable, Clock clock) {
        this.database = database;
        this.safeId = safeId;
        this.testPaymentsRedeemable = testPaymentsRedeemable;
        this.clock = clock;
    }

    /** The §9 cases, in the order they are decided. */
    public enum Verdict {
        /** No session of this safe has the code, or the text is not a code. */
        UNKNOWN_SESSION,
        /** Spent now, or earlier for the same reference (a retry, answered with the first redemption's values). */
        REDEEMED,
        /** Spent earlier for another reference. */
        ALREADY_REDEEMED,
        /** Open or waiting. */
        NOT_PAID_YET,
        /** Closed, but a gateway reported one of its messages as not billed. */
        REVERSED,
        /** The gateway's test messages paid it, and {@code redeem.test} is {@code reject}. */
        TEST_PAYMENT
    }

    /**
     * What one redemption found.
     *
     * @param session the session as it stands, with {@code redemption}, when the verdict is {@code REDEEMED}
     * @param at when it was decided, for the session's status at that moment
     */
    public record Attempt(Verdict verdict, Optional<PaymentSession> session, Optional<SessionRedemption> redemption,
            Instant at) {
        static Attempt refused(Verdict verdict, Instant at) {
            return new Attempt(verdict, Optional.empty(), Optional.empty(), at);
        }

        static Attempt redeemed(PaymentSession session, SessionRedemption redemption, Instant at) {
            return new Attempt(Verdict.REDEEMED, Optional.of(session), Optional.of(redemption), at);
        }
    }

    /**
     * Redeems the session with this code (as the user typed it: case and surrounding blanks forgiven) for this
     * reference.
     *
     * @throws lt.smssafe.persistence.DatabaseUnavailableException when the database cannot be reached: nothing kept
     */
    public Attempt redeem(String code, RedemptionReference reference) {
        Optional<SessionCode> parsed = SessionCode.parse(code);
        if (parsed.isEmpty()) {
            return Attempt.refused(Verdict.UNKNOWN_SESSION, clock.instant());
        }
        return database.inRetriedTransaction(em -> redeem(em, parsed.get(), reference));
    }

    private Attempt redeem(EntityManager em, SessionCode code, RedemptionReference reference) {
        // whole milliseconds, as the column keeps them: a retry answers exactly what the first redemption answered
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<PaymentSession> found = MessageStore.on(em, safeId, store -> store.session(code.value()));
        if (found.isEmpty()) {
            return Attempt.refused(Verdict.UNKNOWN_SESSION, now);
        }
        PaymentSession session = found.get();
        Optional<SessionRedemption> stored = em.createNamedQuery("SessionRedemption.findBySession",
                SessionRedemption.class).setParameter("sessionId", session.id()).getResultStream().findFirst();
        if (stored.isPresent()) {
            return stored.get().isFor(reference) ? Attempt.redeemed(session, stored.get(), now)
                    : Attempt.refused(Verdict.ALREADY_REDEEMED, now);
        }
        Optional<Verdict> refusal = refusal(session, now);
        if (refusal.isPresent()) {
            return Attempt.refused(refusal.get(), now);
        }
        SessionRedemption redemption = new SessionRedemption(session, reference, now);
        // IDENTITY: the insert runs here, so a lost race fails this attempt at once (or, on Galera, at commit)
        em.persist(redemption);
        return Attempt.redeemed(session, redemption, now);
    }

    /** Why a session that was not redeemed yet cannot be. */
    private Optional<Verdict> refusal(PaymentSession session, Instant now) {
        if (session.stateAt(now) != SessionState.CLOSED) {
            return Optional.of(Verdict.NOT_PAID_YET);
        }
        if (session.reversedAt().isPresent()) {
            return Optional.of(Verdict.REVERSED);
        }
        if (session.test() && !testPaymentsRedeemable) {
            return Optional.of(Verdict.TEST_PAYMENT);
        }
        return Optional.empty();
    }
}
