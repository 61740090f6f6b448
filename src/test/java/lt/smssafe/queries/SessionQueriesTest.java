package lt.smssafe.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.i18n.Language;
import lt.smssafe.sms.MessageValues;
import lt.smssafe.api.SessionState;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What {@code /check} and {@code /select} read, on both databases: status, filters, order, pages, other safes. */
class SessionQueriesTest {
    private static final long SAFE = 31;
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private Database database;
    private MessageProcessor processor;
    private SessionQueries reports;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private void open(TestDatabases kind) {
        database = kind.openMigrated();
        processor = new MessageProcessor(database, SAFE, MessageCount.fixed(3), Duration.ofHours(1),
                Language.EN, clock, new SecureRandom(), () -> { });
        reports = new SessionQueries(database, SAFE, clock);
    }

    private String send(long safe, String id, String msisdn, String country) {
        MessageProcessor sender = safe == SAFE ? processor : new MessageProcessor(database, safe,
                MessageCount.fixed(3), Duration.ofHours(1), Language.EN, clock, new SecureRandom(), () -> { });
        String body = sender.process(new MessageValues(safe, id, msisdn, country, "op_" + country, "1337", "c-" + id,
                new BigDecimal("1.00"), "EUR", START.getEpochSecond())).body();
        return body.replaceAll(".*session ([2-9A-Z]{8}).*", "$1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theStatusFollowsTheSessionThroughOpenWaitingAndClosed(TestDatabases kind) {
        open(kind);
        String code = send(SAFE, "s-1", "37060000001", "lt");
        SessionStatus opened = reports.status(code).orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        send(SAFE, "s-2", "37060000001", "lt");
        clock.advance(Duration.ofMinutes(20));
        SessionStatus waiting = reports.status(" " + code.toLowerCase() + " ").orElseThrow();
        clock.advance(Duration.ofMinutes(40));
        send(SAFE, "s-3", "37060000001", "lt");
        SessionStatus closed = reports.status(code).orElseThrow();

        assertThat(opened.state()).isEqualTo(SessionState.OPEN);
        assertThat(opened.received()).isEqualTo(1);
        assertThat(waiting.state()).isEqualTo(SessionState.WAITING);
        assertThat(waiting.waitSeconds()).isEqualTo(40 * 60);
        assertThat(closed.state()).isEqualTo(SessionState.CLOSED);
        assertThat(closed.closedAt()).contains(START.plus(Duration.ofMinutes(61)));
        assertThat(closed.total()).isEqualByComparingTo("3.00");
        assertThat(closed.maskedMsisdn()).isEqualTo("370******01");
        assertThat(reports.status("ZZZZZZZZ")).isEmpty();
        assertThat(reports.status("<b>")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void unclosedSessionsComeNewestActivityFirstFiftyAPageAndNeverFromAnotherSafe(TestDatabases kind) {
        open(kind);
        for (int i = 0; i < 120; i++) {
            send(SAFE, "p-" + i, String.valueOf(37061000000L + i), i % 2 == 0 ? "lt" : "lv");
            clock.advance(Duration.ofSeconds(1));
        }
        send(77, "p-other", "37061000000", "lt");

        Page<SessionStatus> first = reports.unclosed(SessionFilter.NONE, null);
        Page<SessionStatus> second = reports.unclosed(SessionFilter.NONE, first.older().orElseThrow());
        Page<SessionStatus> third = reports.unclosed(SessionFilter.NONE, second.older().orElseThrow());

        assertThat(first.items()).hasSize(50);
        assertThat(first.items().get(0).msisdn()).isEqualTo("37061000119");
        assertThat(first.items()).extracting(SessionStatus::lastMessageAt).isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(third.items()).hasSize(20);
        assertThat(third.hasNext()).isFalse();
        assertThat(third.items().get(19).msisdn()).isEqualTo("37061000000");
        assertThat(java.util.stream.Stream.of(first, second, third).flatMap(page -> page.items().stream())
                .map(SessionStatus::code)).as("every session on exactly one page").hasSize(120).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void filtersNarrowByPhoneStartCountryOperatorAndState(TestDatabases kind) {
        open(kind);
        send(SAFE, "f-4", "37060000003", "lt");
        send(SAFE, "f-5", "37060000003", "lt");
        clock.advance(Duration.ofMinutes(61));
        send(SAFE, "f-6", "37060000003", "lt");
        send(SAFE, "f-1", "37060000001", "lt");
        send(SAFE, "f-2", "37160000002", "lv");
        send(SAFE, "f-3", "37160000002", "lv");

        assertThat(msisdns(SessionFilter.of("3716", null, null, null))).containsExactly("37160000002");
        assertThat(msisdns(SessionFilter.of("", "LT", "", ""))).containsExactly("37060000001");
        assertThat(msisdns(SessionFilter.of(null, null, "OP_LV", null))).containsExactly("37160000002");
        assertThat(msisdns(SessionFilter.of(null, null, null, "waiting"))).containsExactly("37160000002");
        assertThat(msisdns(SessionFilter.of(null, null, null, "open"))).containsExactly("37060000001");
        assertThat(msisdns(SessionFilter.of("370%", null, null, null))).as("no wildcards from the form").isEmpty();
        assertThat(msisdns(SessionFilter.NONE)).as("the closed one is not listed").hasSize(2);
    }

    private List<String> msisdns(SessionFilter filter) {
        return reports.unclosed(filter, null).items().stream().map(SessionStatus::msisdn).toList();
    }
}
