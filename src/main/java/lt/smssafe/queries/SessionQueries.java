package lt.smssafe.queries;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lt.smssafe.action.ActionRun;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.SessionCode;

/**
 * Answers the read-only questions about one safe's payments: a session's status by its code, the unclosed
 * sessions newest activity first, and the payment actions that have not succeeded yet.
 */
public final class SessionQueries {
    /** At most this many owed payment actions are listed; more means something is badly wrong anyway. */
    static final int MAX_PENDING_ACTIONS = 200;
    /** At most this many of each of the lists that need the site owner's attention. */
    static final int MAX_LISTED = 200;

    private final Database database;
    private final long safeId;
    private final Clock clock;
    private final PaymentList payments;

    public SessionQueries(Database database, long safeId, Clock clock) {
        this.database = database;
        this.safeId = safeId;
        this.clock = clock;
        // the unclosed list is the payments list narrowed; it filters by no day, so the zone does not matter
        this.payments = new PaymentList(new ReadScope(database, safeId, clock, ZoneOffset.UTC));
    }

    /** The messages kept without a session, newest first: the foreign key's index on session_id, in id order. */
    static final String UNATTRIBUTED = "SELECT m.dialect, m.message_id, m.country, m.provider, m.content,"
            + " m.cost_local, m.currency, m.test, m.received_at FROM smssafe_message m"
            + " WHERE m.safe_id = ? AND m.session_id IS NULL ORDER BY m.id DESC LIMIT " + MAX_LISTED;
    /** Reports about unknown messages, the first reported last: ix_unmatched_latest (safe_id, id) backwards. */
    static final String UNMATCHED = "SELECT r.dialect, r.message_id, r.status, r.reports, r.received_at"
            + " FROM smssafe_unmatched_report r USE INDEX (ix_unmatched_latest) WHERE r.safe_id = ?"
            + " ORDER BY r.safe_id DESC, r.id DESC LIMIT " + MAX_LISTED;
    /** Reversed messages by their row ids (a reversal run's reference), with their session's code: by primary keys. */
    static final String REVERSED_MESSAGES = "SELECT m.id, s.code, m.dialect, m.message_id FROM smssafe_message m"
            + " JOIN smssafe_session s ON s.id = m.session_id WHERE m.safe_id = ? AND m.id IN (%s)";

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
        return database.inJdbcTransaction(connection -> SessionLists.byCode(connection, safeId,
                parsed.get().value(), now)).map(SessionLists.Found::status);
    }

    /**
     * One page of the unclosed sessions that match the filter, the most recently active first (by phone with a phone
     * filter), from the position {@code cursor} names (the token of an earlier page's {@link Page#older()}; anything
     * else is the first page): the payments list narrowed to what is not closed.
     */
    public Page<SessionStatus> unclosed(SessionFilter filter, String cursor) {
        return payments.page(filter.asPaymentFilter(), cursor, Page.SIZE);
    }

    /** The closed sessions that lost a message to a reversal, the latest first. */
    public List<SessionStatus> reversedSessions() {
        return payments.page(PaymentFilter.inState("reversed"), null, MAX_LISTED).items();
    }

    /**
     * The messages kept without a session: the gateway could not tell who sent them and one message could not pay
     * (docs/protocol.md §8). The latest first.
     */
    public List<UnattributedMessage> unattributedMessages() {
        return listOfSafe(UNATTRIBUTED, row -> new UnattributedMessage(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getBigDecimal(6), row.getString(7),
                row.getBoolean(8), Instant.ofEpochMilli(row.getLong(9))));
    }

    /** Gateways' reports about messages never stored, the latest first reported first. */
    public List<UnmatchedRow> unmatchedReports() {
        return listOfSafe(UNMATCHED, row -> new UnmatchedRow(row.getString(1), row.getString(2), row.getString(3),
                row.getInt(4), Instant.ofEpochMilli(row.getLong(5))));
    }

    /** Every row a select of this safe's finds (the safe its one parameter), each read by {@code read}. */
    private <T> List<T> listOfSafe(String select, RowReader<T> read) {
        return database.inJdbcTransaction(connection -> {
            List<T> items = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                statement.setLong(1, safeId);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        items.add(read.read(row));
                    }
                }
            }
            return items;
        });
    }

    /** Reads one item from the current row. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** A gateway's report about a message never stored, as {@code /select} lists it. */
    public record UnmatchedRow(String dialect, String messageId, String status, int reports, Instant receivedAt) {
    }

    /** How many payment actions are owed: not succeeded yet, failing or waiting for their first attempt. */
    public long owedActions() {
        return database.inTransaction(em -> em.createQuery("select count(r) from ActionRun r where r.safeId = :safeId"
                + " and r.succeededAt is null", Long.class).setParameter("safeId", safeId).getSingleResult());
    }

    /**
     * The payment actions that have not succeeded yet, of every target (the Java action's and the webhook's, those
     * given up included: see {@link ActionRun#target()} and {@link ActionRun#failedAt()}), oldest first, with their
     * attempts and last error; at most {@value #MAX_PENDING_ACTIONS}.
     */
    public List<ActionRun> pendingActions() {
        return database.inTransaction(em -> em.createNamedQuery("ActionRun.findUnsucceeded", ActionRun.class)
                .setParameter("safeId", safeId).setMaxResults(MAX_PENDING_ACTIONS).getResultList());
    }

    /**
     * One target's runs not yet succeeded and not given up, oldest first, with their attempts and last error: on
     * {@code /select}, the Java action's beside the webhook's; at most {@value #MAX_PENDING_ACTIONS}.
     */
    public List<ActionRun> pendingActions(ActionRun.Target target) {
        return database.inTransaction(em -> em.createNamedQuery("ActionRun.findPending", ActionRun.class)
                .setParameter("safeId", safeId).setParameter("target", target)
                .setMaxResults(MAX_PENDING_ACTIONS).getResultList());
    }

    /**
     * The webhook's events still being retried (not delivered, not given up), oldest first, with their attempts,
     * last error and next attempt; at most {@value #MAX_PENDING_ACTIONS}.
     */
    public List<ActionRun> pendingWebhooks() {
        return pendingActions(ActionRun.Target.WEBHOOK);
    }

    /**
     * The webhook's events given up after at least 3 days of failed deliveries, latest given up first, with their
     * attempts and last error: what the admin may send again ({@code ActionRunners.sendAgain(run.id())}); at most
     * {@value #MAX_PENDING_ACTIONS}, their number is {@link #failedWebhookCount()}.
     */
    public List<ActionRun> failedWebhooks() {
        return database.inTransaction(em -> em.createNamedQuery("ActionRun.findFailed", ActionRun.class)
                .setParameter("safeId", safeId).setParameter("target", ActionRun.Target.WEBHOOK)
                .setParameter("epoch", Instant.EPOCH).setMaxResults(MAX_PENDING_ACTIONS).getResultList());
    }

    /** How many of the webhook's events were given up and not sent again, for the dashboard. */
    public long failedWebhookCount() {
        return database.inTransaction(em -> em.createNamedQuery("ActionRun.countFailed", Long.class)
                .setParameter("safeId", safeId).setParameter("target", ActionRun.Target.WEBHOOK)
                .setParameter("epoch", Instant.EPOCH).getSingleResult());
    }

    /** This safe's payment-action run with this id, of any target and in any state. */
    public Optional<ActionRun> actionRun(long id) {
        return database.inTransaction(em -> em.createQuery("select r from ActionRun r where r.id = :id"
                + " and r.safeId = :safeId", ActionRun.class).setParameter("id", id).setParameter("safeId", safeId)
                .getResultStream().findFirst());
    }

    /**
     * The webhook's runs as the admin reads them: each with its event's type and id and the session it is about (a
     * reversal's found through its message, all of them in one statement).
     */
    public List<WebhookRun> webhookEvents(List<ActionRun> runs) {
        List<Long> messageIds = runs.stream().filter(run -> run.kind() == ActionRun.Kind.SMS_REVERSAL)
                .map(run -> parseId(run.reference())).flatMap(Optional::stream).distinct().toList();
        Map<Long, WebhookRun.ReversedMessage> reversed = messageIds.isEmpty() ? Map.of()
                : database.inJdbcTransaction(connection -> {
                    Map<Long, WebhookRun.ReversedMessage> found = new HashMap<>();
                    String in = String.join(",", Collections.nCopies(messageIds.size(), "?"));
                    try (PreparedStatement select = connection.prepareStatement(REVERSED_MESSAGES.formatted(in))) {
                        select.setLong(1, safeId);
                        for (int i = 0; i < messageIds.size(); i++) {
                            select.setLong(i + 2, messageIds.get(i));
                        }
                        try (ResultSet row = select.executeQuery()) {
                            while (row.next()) {
                                found.put(row.getLong(1), new WebhookRun.ReversedMessage(row.getString(2),
                                        row.getString(3), row.getString(4)));
                            }
                        }
                    }
                    return found;
                });
        return runs.stream().map(run -> WebhookRun.of(safeId, run, run.kind() != ActionRun.Kind.SMS_REVERSAL
                ? Optional.empty() : parseId(run.reference()).map(reversed::get))).toList();
    }

    private static Optional<Long> parseId(String reference) {
        try {
            return Optional.of(Long.parseLong(reference));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
