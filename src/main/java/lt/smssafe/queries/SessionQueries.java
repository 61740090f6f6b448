package lt.smssafe.queries;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lt.smssafe.action.ActionRun;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.ReceivedMessage;
import lt.smssafe.sms.UnmatchedReport;
import lt.smssafe.sms.SessionCode;
import lt.smssafe.sms.SessionState;

/**
 * Answers the read-only questions about one safe's payments: a session's status by its code, the unclosed
 * sessions newest activity first, and the payment actions that have not succeeded yet.
 */
public final class SessionQueries {
    /** Sessions per page on {@code /select}. */
    public static final int PAGE_SIZE = 50;
    /** At most this many owed payment actions are listed; more means something is badly wrong anyway. */
    static final int MAX_PENDING_ACTIONS = 200;
    /** At most this many of each of the lists that need the site owner's attention. */
    static final int MAX_LISTED = 200;

    private final Database database;
    private final long safeId;
    private final Clock clock;
    private final PaymentQueries payments;

    public SessionQueries(Database database, long safeId, Clock clock) {
        this.database = database;
        this.safeId = safeId;
        this.clock = clock;
        // the unclosed list is the payments list narrowed; it filters by no day, so the zone does not matter
        this.payments = new PaymentQueries(database, safeId, clock, java.time.ZoneOffset.UTC);
    }

    /**
     * The session with this code, as the user typed it (lower case and surrounding blanks are forgiven); empty
     * when no session of this safe has it, or the text cannot be a code at all.
     */
    public Optional<SessionStatus> status(String code) {
        Optional<SessionCode> parsed = SessionCode.parse(code);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return database.inTransaction(em -> em.createQuery(StatusRows.SELECT + " where s.safeId = :safeId"
                        + " and s.code = :code", Object[].class)
                .setParameter("safeId", safeId).setParameter("code", parsed.get().value())
                .getResultStream().findFirst().map(row -> StatusRows.status(row, now)));
    }

    /**
     * One page (from 1) of the unclosed sessions that match the filter, the most recently active first: the payments
     * list narrowed to what is not closed.
     */
    public Page<SessionStatus> unclosed(SessionFilter filter, int page) {
        return payments.page(new PaymentFilter(Optional.empty(), filter.msisdn(), Optional.empty(), filter.country(),
                filter.provider(), Optional.empty(), Optional.of(filter.state().map(SessionState::code)
                .orElse(PaymentFilter.UNCLOSED)), Optional.empty(), Optional.empty(), Optional.empty()), page);
    }

    /** The closed sessions that lost a message to a reversal, the latest first. */
    public List<SessionStatus> reversedSessions() {
        Instant now = clock.instant();
        return database.inTransaction(em -> em.createQuery(StatusRows.SELECT + " where s.safeId = :safeId"
                        + " and s.reversedAt is not null order by s.reversedAt desc", Object[].class)
                .setParameter("safeId", safeId).setMaxResults(MAX_LISTED).getResultList())
                .stream().map(row -> StatusRows.status(row, now)).toList();
    }

    /**
     * The messages kept without a session: the gateway could not tell who sent them and one message could not pay
     * (PROTOCOL.md §8). The latest first.
     */
    public List<UnattributedMessage> unattributedMessages() {
        return database.inTransaction(em -> em.createQuery("select m from ReceivedMessage m where m.safeId = :safeId"
                        + " and m.sessionId is null order by m.receivedAt desc", ReceivedMessage.class)
                .setParameter("safeId", safeId).setMaxResults(MAX_LISTED).getResultList())
                .stream().map(UnattributedMessage::of).toList();
    }

    /** Gateways' reports about messages never stored, the latest first. */
    public List<UnmatchedReport> unmatchedReports() {
        return database.inTransaction(em -> em.createNamedQuery("UnmatchedReport.latest", UnmatchedReport.class)
                .setParameter("safeId", safeId).setMaxResults(MAX_LISTED).getResultList());
    }

    /** How many payment actions are owed: not succeeded yet, failing or waiting for their first attempt. */
    public long owedActions() {
        return database.inTransaction(em -> em.createQuery("select count(r) from ActionRun r where r.safeId = :safeId"
                + " and r.succeededAt is null", Long.class).setParameter("safeId", safeId).getSingleResult());
    }

    /** The payment actions that have not succeeded yet, oldest first, with their attempts and last error. */
    public List<ActionRun> pendingActions() {
        return database.inTransaction(em -> em.createNamedQuery("ActionRun.findUnsucceeded", ActionRun.class)
                .setParameter("safeId", safeId).setMaxResults(MAX_PENDING_ACTIONS).getResultList());
    }
}
