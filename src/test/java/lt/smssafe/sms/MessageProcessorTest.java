package lt.smssafe.sms;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import lt.smssafe.persistence.Database;
import lt.smssafe.i18n.Language;
import lt.smssafe.sms.MessageValues;
import lt.smssafe.sms.PaymentSession;
import lt.smssafe.sms.SessionCode;
import lt.smssafe.testing.Concurrently;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestData;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The message-to-session use case against real databases (embedded H2 and a real MariaDB): the whole session,
 * retries, reuse, concurrency on one phone and across phones, and several safes in one database.
 */
class MessageProcessorTest {
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    /** The payment-action runner, woken after each commit that owed an action. */
    private final AtomicInteger wakeUps = new AtomicInteger();
    private Database database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private MessageProcessor processor(TestDatabases kind, long safe, int messages, Duration delay) {
        if (database == null) {
            database = kind.openMigrated();
        }
        return new MessageProcessor(database, safe, MessageCount.fixed(messages), delay, Language.EN, clock,
                new SecureRandom(), wakeUps::incrementAndGet);
    }

    static MessageValues message(long safe, String messageId, String msisdn) {
        return new MessageValues(safe, messageId, msisdn, "lt", "bite_lt", "1337", "order-42", new BigDecimal("1.45"),
                "EUR", START.getEpochSecond());
    }

    private PaymentSession session(long safe, String code) {
        return StoredRows.session(database, safe, code);
    }

    private long count(String table, long safe) {
        return StoredRows.count(database, "SELECT COUNT(*) FROM " + table + " WHERE safe_id = ?", safe);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void wholeSessionWithDelayRejectsTheEarlyLastMessageAndClosesAfterTheWait(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 1234, 3, Duration.ofHours(24));

        Answer first = processor.process(message(1234, "m-1", "37060000001"));
        String code = code(first);
        assertThat(first).isEqualTo(Answer.reply("your message is received, session " + code + " started"));
        clock.advance(Duration.ofSeconds(30));
        assertThat(processor.process(message(1234, "m-2", "37060000001")).body()).isEqualTo(
                "your message is received for session " + code
                        + ", DO NOT send the last message (24 hours 0 minutes left)");
        clock.advance(Duration.ofMinutes(60).plusSeconds(30));
        assertThat(processor.process(message(1234, "m-3", "37060000001")).body())
                .isEqualTo("error. your message cannot be processed (23 hours 0 minutes left)");
        assertThat(wakeUps).hasValue(0);
        clock.advance(Duration.ofHours(23));
        Answer last = processor.process(message(1234, "m-4", "37060000001"));

        assertThat(last.body()).isEqualTo("your message is received, session " + code + " closed");
        assertThat(last.closedSession()).contains(SessionCode.parse(code).orElseThrow());
        assertThat(wakeUps).hasValue(1);
        PaymentSession session = session(1234, code);
        assertThat(session.receivedMessages()).isEqualTo(3);
        assertThat(session.total()).isEqualByComparingTo("4.35");
        assertThat(session.closedAt()).contains(START.plus(Duration.ofHours(24)).plusSeconds(60));
        assertThat(count("smssafe_message", 1234)).as("the rejected message is stored too").isEqualTo(4);
        assertThat(count("smssafe_action_run", 1234)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRetriedMessageGetsTheSameAnswerAndIsCountedOnce(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 1234, 3, Duration.ZERO);
        Answer first = processor.process(message(1234, "m-1", "37060000002"));
        clock.advance(Duration.ofMinutes(5));
        MessageValues retry = new MessageValues(1234, "m-1", "37060000002", "lt", "bite_lt", "1337", "order-42",
                new BigDecimal("1.450"), "EUR", START.getEpochSecond() + 300);

        assertThat(processor.process(retry)).isEqualTo(first);
        assertThat(session(1234, code(first)).receivedMessages()).isEqualTo(1);
        assertThat(count("smssafe_message", 1234)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void retriesOfAClosedSessionsMessagesAreAnsweredFromStorageAndOpenNothing(TestDatabases kind) {
        // the first attempt takes a message for new: for these retries it opens a session, fails on the message id
        // and must leave nothing behind
        MessageProcessor processor = processor(kind, 1234, 2, Duration.ZERO);
        Answer started = processor.process(message(1234, "m-1", "37060000004"));
        Answer closedAnswer = processor.process(message(1234, "m-2", "37060000004"));
        clock.advance(Duration.ofMinutes(5));

        // the same replies, and the retry of the closing message does not report the close (or wake the action) again
        assertThat(processor.process(message(1234, "m-2", "37060000004")))
                .isEqualTo(new Answer(200, closedAnswer.body(), java.util.Optional.empty()));
        assertThat(processor.process(message(1234, "m-1", "37060000004"))).isEqualTo(started);
        assertThat(closedAnswer.closedSession()).isPresent();
        assertThat(count("smssafe_session", 1234)).isEqualTo(1);
        assertThat(count("smssafe_message", 1234)).isEqualTo(2);
        assertThat(count("smssafe_action_run", 1234)).as("payment actions owed").isEqualTo(1);
        assertThat(wakeUps).as("the runner woken for the close, once").hasValue(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aMessageIdReusedWithAnyOtherValueIsAConflictAndChangesNothing(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 1234, 3, Duration.ZERO);
        Answer first = processor.process(message(1234, "m-1", "37060000003"));
        List<Function<MessageValues, MessageValues>> changes = List.of(
                m -> new MessageValues(1234, "m-1", "37060000099", "lt", "bite_lt", "1337", "order-42", m.cost(), "EUR", 1),
                m -> new MessageValues(1234, "m-1", m.msisdn(), "lv", "bite_lt", "1337", "order-42", m.cost(), "EUR", 1),
                m -> new MessageValues(1234, "m-1", m.msisdn(), "lt", "tele2_lt", "1337", "order-42", m.cost(), "EUR", 1),
                m -> new MessageValues(1234, "m-1", m.msisdn(), "lt", "bite_lt", "1338", "order-42", m.cost(), "EUR", 1),
                m -> new MessageValues(1234, "m-1", m.msisdn(), "lt", "bite_lt", "1337", "order-43", m.cost(), "EUR", 1),
                m -> new MessageValues(1234, "m-1", m.msisdn(), "lt", "bite_lt", "1337", "order-42",
                        new BigDecimal("1.46"), "EUR", 1),
                m -> new MessageValues(1234, "m-1", m.msisdn(), "lt", "bite_lt", "1337", "order-42", m.cost(), "USD", 1));
        MessageValues original = message(1234, "m-1", "37060000003");

        for (Function<MessageValues, MessageValues> change : changes) {
            assertThat(processor.process(change.apply(original)))
                    .isEqualTo(new Answer(409, "message_id reused", java.util.Optional.empty()));
        }
        assertThat(session(1234, code(first)).receivedMessages()).isEqualTo(1);
        assertThat(count("smssafe_message", 1234)).isEqualTo(1);
        assertThat(count("smssafe_session", 1234)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void thirtyMessagesFromOnePhoneAtOnceAreCountedAsIfOneAfterAnother(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 1234, 4, Duration.ZERO);

        List<Answer> answers = Concurrently.run(30, i -> () -> processor.process(message(1234, "c-" + i, "37060000004")));

        // one after another: 7 sessions of 4 close (28 messages), the 8th holds 2
        Map<String, Long> byKind = answers.stream().collect(Collectors.groupingBy(
                a -> a.body().replaceAll(TestData.CODE, "X"), Collectors.counting()));
        assertThat(byKind).containsOnly(
                Map.entry("your message is received, session X started", 8L),
                Map.entry("your message is received for session X", 7L * 2 + 1),
                Map.entry("your message is received, session X closed", 7L));
        List<SessionCode> closed = answers.stream().flatMap(a -> a.closedSession().stream()).toList();
        assertThat(closed).hasSize(7).doesNotHaveDuplicates();
        assertThat(wakeUps).hasValue(7);
        assertThat(count("smssafe_session", 1234)).isEqualTo(8);
        assertThat(count("smssafe_action_run", 1234)).isEqualTo(7);
        for (SessionCode code : closed) {
            PaymentSession session = session(1234, code.value());
            assertThat(session.receivedMessages()).isEqualTo(4);
            assertThat(session.total()).isEqualByComparingTo("5.80");
        }
        // the admin's lists: the seven closed at their close, the open one at its last message, each once
        assertThat(StoredRows.sessionsListedWrong(database, 1234)).isZero();
        assertThat(count("smssafe_closed_session", 1234)).isEqualTo(7);
        assertThat(count("smssafe_open_session", 1234)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSessionOpenedByANodeOfAnEarlierVersionIsListedFromItsNextMessage(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 1234, 3, Duration.ZERO);
        String code = code(processor.process(message(1234, "u-1", "37060000009")));
        // as a node of a version before schema v12 leaves it during a rolling upgrade (docs/nodes.md)
        StoredRows.execute(database, "DELETE FROM smssafe_open_session WHERE safe_id = ?", 1234);
        assertThat(StoredRows.sessionsListedWrong(database, 1234)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        processor.process(message(1234, "u-2", "37060000009"));

        assertThat(StoredRows.sessionsListedWrong(database, 1234)).isZero();
        assertThat(session(1234, code).receivedMessages()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(2));
        processor.process(message(1234, "u-3", "37060000009"));
        assertThat(StoredRows.sessionsListedWrong(database, 1234)).isZero();
        assertThat(count("smssafe_open_session", 1234)).isZero();
        assertThat(count("smssafe_closed_session", 1234)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void withADelayConcurrentMessagesAfterTheLastButOneAreAllRejected(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 1234, 3, Duration.ofHours(24));

        List<Answer> answers = Concurrently.run(30, i -> () -> processor.process(message(1234, "d-" + i, "37060000005")));

        Map<String, Long> byKind = answers.stream().collect(Collectors.groupingBy(
                a -> a.body().replaceAll(TestData.CODE, "X"), Collectors.counting()));
        assertThat(byKind).containsOnly(
                Map.entry("your message is received, session X started", 1L),
                Map.entry("your message is received for session X, DO NOT send the last message"
                        + " (24 hours 0 minutes left)", 1L),
                Map.entry("error. your message cannot be processed (24 hours 0 minutes left)", 28L));
        assertThat(count("smssafe_session", 1234)).isEqualTo(1);
        assertThat(count("smssafe_message", 1234)).isEqualTo(30);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twentyCopiesOfOneMessageAtOnceGetOneAnswerAndCountOnce(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 1234, 3, Duration.ZERO);

        List<Answer> answers = Concurrently.run(20, i -> () -> processor.process(message(1234, "same", "37060000006")));

        assertThat(new HashSet<>(answers)).hasSize(1);
        assertThat(answers.get(0).body()).startsWith("your message is received, session ").endsWith(" started");
        assertThat(session(1234, code(answers.get(0))).receivedMessages()).isEqualTo(1);
        assertThat(count("smssafe_message", 1234)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void threeHundredPhonesAtOnceGetThreeHundredDistinctCodes(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 1234, 3, Duration.ZERO);

        List<Answer> answers = Concurrently.run(300, i -> () -> processor.process(
                message(1234, "p-" + i, String.valueOf(37061000000L + i))));

        Set<String> codes = new HashSet<>();
        answers.forEach(a -> codes.add(code(a)));
        assertThat(codes).hasSize(300);
        assertThat(count("smssafe_session", 1234)).isEqualTo(300);
        assertThat(StoredRows.sessionsListedWrong(database, 1234)).isZero();
        assertThat(count("smssafe_open_session", 1234)).isEqualTo(300);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void safesSharingADatabaseDoNotSeeEachOthersSessionsOrMessageIds(TestDatabases kind) {
        MessageProcessor safeA = processor(kind, 1111, 2, Duration.ZERO);
        MessageProcessor safeB = processor(kind, 2222, 2, Duration.ZERO);

        Answer a1 = safeA.process(message(1111, "m-1", "37060000007"));
        Answer b1 = safeB.process(message(2222, "m-1", "37060000007"));
        Answer a2 = safeA.process(message(1111, "m-2", "37060000007"));

        assertThat(a1.body()).endsWith(" started");
        assertThat(b1.body()).as("same phone and message id, other safe: a new session").endsWith(" started");
        assertThat(code(a1)).isNotEqualTo(code(b1));
        assertThat(a2.body()).isEqualTo("your message is received, session " + code(a1) + " closed");
        assertThat(session(2222, code(b1)).receivedMessages()).isEqualTo(1);
        assertThat(count("smssafe_session", 1111)).isEqualTo(1);
        assertThat(count("smssafe_session", 2222)).isEqualTo(1);
    }
}
