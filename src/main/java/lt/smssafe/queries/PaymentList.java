package lt.smssafe.queries;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.sms.SessionCode;
import lt.smssafe.api.SessionState;

/**
 * The payments list of {@code /payments} and its CSV: the SMS payments that match a filter, a page at a time or
 * streamed. Read-only; the lists themselves are {@link SessionLists}' index-ordered streams.
 */
public final class PaymentList {
    /** Rows read from the database at a time (a chunk: one statement per stream) while a CSV is written. */
    static final int FETCH_SIZE = 500;

    private final ReadScope scope;

    PaymentList(ReadScope scope) {
        this.scope = scope;
    }

    /**
     * One page of the payments that match, from the position {@code cursor} names (the token of an earlier page's
     * {@link Page#older()}; anything else, or none, is the first page): the most recently active first, or with a
     * phone filter by phone number, each phone's newest first, or for the reversed ones the latest reversal first.
     */
    public Page<SessionStatus> page(PaymentFilter filter, String cursor) {
        return page(filter, cursor, Page.SIZE);
    }

    Page<SessionStatus> page(PaymentFilter filter, String cursor, int size) {
        Instant now = scope.now();
        if (filter.code().isPresent()) {
            return new Page<>(byCode(filter, now).stream().toList(), Optional.empty(), true, Optional.empty(),
                    Optional.empty());
        }
        SessionLists.Plan plan = SessionLists.plan(filter, now, scope.zone(), scope.database().engine());
        Optional<Cursor> position = Cursor.parse(cursor, plan.order());
        return scope.database().inJdbcTransaction(connection -> SessionLists.page(connection, scope.safeId(), plan,
                position, size, now));
    }

    /**
     * Hands every matching payment, in the list's order, to {@code row} while it is read: a chunk of rows at a time,
     * each chunk read from the last one's end in index order, so that a CSV of a million rows never holds more than
     * a chunk of them.
     */
    public void forEach(PaymentFilter filter, Consumer<SessionStatus> row) {
        Instant now = scope.now();
        if (filter.code().isPresent()) {
            byCode(filter, now).ifPresent(row);
            return;
        }
        SessionLists.Plan plan = SessionLists.plan(filter, now, scope.zone(), scope.database().engine());
        scope.database().inJdbcTransaction(connection -> {
            SessionLists.forEach(connection, scope.safeId(), plan, FETCH_SIZE, now, row);
            return null;
        });
    }

    /** The payment with the filter's code, if it matches the rest of the filter too. */
    private Optional<SessionStatus> byCode(PaymentFilter filter, Instant now) {
        Optional<SessionCode> code = SessionCode.parse(filter.code().get());
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Optional<SessionStatus> found = scope.database().inJdbcTransaction(connection -> SessionLists.byCode(
                connection, scope.safeId(), code.get().value(), now)).map(SessionLists.Found::status);
        // the rest of the filter, on the one row: the same conditions the lists hold
        return found.filter(s -> matches(s, filter, now));
    }

    private boolean matches(SessionStatus s, PaymentFilter filter, Instant now) {
        Instant activity = s.lastMessageAt();
        return filter.msisdn().map(s.msisdn()::startsWith).orElse(true)
                && filter.content().map(c -> s.content().toLowerCase(Locale.ROOT)
                        .contains(c.toLowerCase(Locale.ROOT))).orElse(true)
                && filter.country().map(s.country()::equals).orElse(true)
                && filter.operator().map(s.operator()::equals).orElse(true)
                && filter.dialect().map(s.dialect()::equals).orElse(true)
                && filter.redeemed().map(r -> r == s.isRedeemed()).orElse(true)
                && filter.since(scope.zone()).map(since -> !activity.isBefore(since)).orElse(true)
                && filter.before(scope.zone()).map(activity::isBefore).orElse(true)
                && filter.state().map(state -> switch (state) {
                    case "open" -> s.state() == SessionState.OPEN;
                    case "waiting" -> s.state() == SessionState.WAITING;
                    case "closed" -> s.isClosed() && !s.isReversed();
                    case "reversed" -> s.isReversed();
                    case PaymentFilter.UNCLOSED -> !s.isClosed();
                    default -> s.test();
                }).orElse(true);
    }
}
