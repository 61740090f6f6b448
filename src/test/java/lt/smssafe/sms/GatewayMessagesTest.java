package lt.smssafe.sms;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import lt.smssafe.OwedPayments;
import lt.smssafe.SmsSafe;
import lt.smssafe.action.ActionRunner;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.api.ReversedMessage;
import lt.smssafe.api.SessionState;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.dialect.GatewayMessage;
import lt.smssafe.sms.dialect.fortumo.FortumoDialect;
import lt.smssafe.testing.Concurrently;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the live gateways add to the engine (docs/protocol.md §8), on both databases: ids per dialect, blank senders,
 * test messages apart from real ones, delivery reports and reversals with the payment action told once.
 */
class GatewayMessagesTest {
    private static final long SAFE = 808;
    private static final BigDecimal PRICE = new BigDecimal("1.45");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private MessageProcessor processor(TestDatabases kind, int messages, Duration delay) {
        database = kind.openMigrated();
        return new MessageProcessor(database, SAFE, MessageCount.fixed(messages), delay, Language.EN, clock,
                new SecureRandom(), () -> { });
    }

    private static GatewayMessage fortumo(String id, String sender, boolean test) {
        return new GatewayMessage(FortumoDialect.NAME, id, sender, "lt", "tele2_lt", "1337", "order-7", PRICE, "EUR",
                test);
    }

    private static DeliveryReport failed(String id) {
        return new DeliveryReport("fortumo", id, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(PRICE), Optional.empty());
    }

    private PaymentSession session(String code) {
        return StoredRows.session(database, SAFE, code);
    }

    private long count(String sql) {
        return StoredRows.count(database, sql);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theSameIdInTwoDialectsIsTwoMessagesAndAMaskedSenderPays(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 2, Duration.ZERO);

        Answer fromFortumo = processor.process(fortumo("same-id", "370#####001", false));
        Answer fromSmsSafe = processor.process(new MessageValues(SAFE, "same-id", "37060000001", "lt", "bite_lt",
                "1337", "order-7", PRICE, "EUR", 1));

        assertThat(fromFortumo.body()).endsWith(" started");
        assertThat(fromSmsSafe.body()).endsWith(" started");
        assertThat(code(fromFortumo)).isNotEqualTo(code(fromSmsSafe));
        assertThat(session(code(fromFortumo)).dialect()).isEqualTo("fortumo");
        assertThat(session(code(fromFortumo)).msisdn()).isEqualTo("370#####001");
        assertThat(processor.process(fortumo("same-id", "370#####001", false))).as("a retry").isEqualTo(fromFortumo);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aPaidMessagesIdSentAgainWithOtherValuesIsReusedAndChangesNothing(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 2, Duration.ZERO);
        Answer first = processor.process(fortumo("u-1", "37060000011", false));
        GatewayMessage otherPrice = new GatewayMessage(FortumoDialect.NAME, "u-1", "37060000011", "lt", "tele2_lt",
                "1337", "order-7", new BigDecimal("0.01"), "EUR", false);
        GatewayMessage otherSender = fortumo("u-1", "37060000012", false);

        Answer reused = new Answer(409, "message_id reused", Optional.empty());
        assertThat(processor.process(otherPrice)).isEqualTo(reused);
        assertThat(processor.process(otherSender)).isEqualTo(reused);
        assertThat(processor.process(fortumo("u-1", "37060000011", false))).as("a true retry").isEqualTo(first);
        assertThat(count("SELECT COUNT(*) FROM smssafe_message")).isEqualTo(1);
        assertThat(session(code(first)).receivedMessages()).isEqualTo(1);
        assertThat(session(code(first)).total()).isEqualByComparingTo("1.45");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aBlankSenderPaysAOneMessageRateAndIsUnattributedOtherwise(TestDatabases kind) {
        MessageProcessor one = processor(kind, 1, Duration.ZERO);
        Answer paid = one.process(fortumo("b-1", "", false));
        assertThat(paid.body()).endsWith(" closed");
        assertThat(session(code(paid)).closedAt()).isPresent();
        database.close();

        MessageProcessor three = processor(kind, 3, Duration.ZERO);
        Answer first = three.process(fortumo("b-2", "", false));
        Answer second = three.process(fortumo("b-3", "", false));

        String unidentified = "error. your number could not be identified, your message cannot be counted";
        assertThat(first.body()).isEqualTo(unidentified);
        assertThat(second.body()).isEqualTo(unidentified);
        assertThat(count("SELECT COUNT(*) FROM smssafe_session")).isZero();
        assertThat(count("SELECT COUNT(*) FROM smssafe_message WHERE session_id IS NULL")).isEqualTo(2);
        assertThat(three.process(fortumo("b-2", "", false))).as("a retry").isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void testMessagesNeverCountTowardsARealSessionNorTheReverse(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 2, Duration.ZERO);

        String real = code(processor.process(fortumo("t-1", "37060000005", false)));
        String test = code(processor.process(fortumo("t-2", "37060000005", true)));
        Answer closesTest = processor.process(fortumo("t-3", "37060000005", true));

        assertThat(test).isNotEqualTo(real);
        assertThat(code(closesTest)).isEqualTo(test);
        assertThat(session(test).test()).isTrue();
        assertThat(session(test).closed().test()).isTrue();
        assertThat(session(real).receivedMessages()).isEqualTo(1);
        assertThat(session(real).closedAt()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReversalTakesBackAMessageOfAnOpenSessionAndEndsItsWaitOnce(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 3, Duration.ofHours(1));
        String code = code(processor.process(fortumo("r-1", "37060000006", false)));
        processor.process(fortumo("r-2", "37060000006", false));
        assertThat(session(code).stateAt(clock.instant())).isEqualTo(SessionState.WAITING);

        Answer reversed = processor.handle(failed("r-2"));
        Answer again = processor.handle(failed("r-2"));

        assertThat(reversed).isEqualTo(Answer.reply("OK"));
        assertThat(again).isEqualTo(Answer.reply("OK"));
        PaymentSession session = session(code);
        assertThat(session.receivedMessages()).isEqualTo(1);
        assertThat(session.total()).isEqualByComparingTo("1.45");
        assertThat(session.stateAt(clock.instant())).as("fewer than N - 1: no longer waiting").isEqualTo(SessionState.OPEN);
        assertThat(processor.process(fortumo("r-3", "37060000006", false)).body())
                .as("the buyer may send again at once").contains("DO NOT send the last message");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReversalOfAClosedSessionMarksItAndToldTheActionOnce(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 2, Duration.ZERO);
        String code = code(processor.process(fortumo("c-1", "37060000007", false)));
        processor.process(fortumo("c-2", "37060000007", false));

        List<Answer> reports = Concurrently.run(8, i -> () -> processor.handle(failed("c-2")));

        assertThat(reports).containsOnly(Answer.reply("OK"));
        PaymentSession session = session(code);
        assertThat(session.closedAt()).isPresent();
        assertThat(session.reversedAt()).isPresent();
        assertThat(session.reversedTotal()).isEqualByComparingTo("1.45");
        assertThat(count("SELECT COUNT(*) FROM smssafe_action_run WHERE kind = 'SMS_REVERSAL'"))
                .isEqualTo(1);

        List<String> told = new CopyOnWriteArrayList<>();
        PaymentAction action = new PaymentAction() {
            @Override
            public void sessionClosed(ClosedSession closed) {
                told.add("closed " + closed.code());
            }

            @Override
            public void paymentReversed(ClosedSession closed, ReversedMessage message, BigDecimal amount) {
                told.add("reversed " + closed.code() + " " + message.messageId() + " " + amount);
            }
        };
        ActionRunner runner = new ActionRunner(database, SAFE, action, clock, new OwedPayments());
        runner.runDue();
        runner.runDue();
        assertThat(told).containsExactlyInAnyOrder("closed " + code, "reversed " + code + " c-2 1.45");
        runner.close();
    }

    /**
     * The reversed sessions' list (schema v11) holds a closed session once, from its first reversal, however many of
     * its messages are reported as not billed, in any order and all at once; an open session's reversal is not there.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aClosedSessionIsListedAsReversedOnceWhicheverOfItsMessagesAreReversed(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 2, Duration.ZERO);
        String code = code(processor.process(fortumo("l-1", "37060000011", false)));
        processor.process(fortumo("l-2", "37060000011", false));
        processor.process(fortumo("l-3", "37060000012", false));

        List<Answer> reports = Concurrently.run(16, i -> () -> processor.handle(failed(i % 2 == 0 ? "l-1" : "l-2")));
        processor.handle(failed("l-3"));

        assertThat(reports).containsOnly(Answer.reply("OK"));
        PaymentSession session = session(code);
        assertThat(session.reversedTotal()).isEqualByComparingTo("2.90");
        assertThat(count("SELECT COUNT(*) FROM smssafe_reversal")).as("the closed session, once").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM smssafe_reversal WHERE session_id = " + session.id()
                + " AND reversed_at = " + session.reversedAt().orElseThrow().toEpochMilli())).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReportMayNameTheSenderAndOperatorTheMessageLacked(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 1, Duration.ZERO);
        processor.process(new GatewayMessage(FortumoDialect.NAME, "l-1", "", "lt", "unknown", "1337", "order-7", PRICE,
                "EUR", false));
        DeliveryReport named = new DeliveryReport("fortumo", "l-1", true, Optional.of("37060000010"),
                Optional.of("lt"), Optional.of("tele2_lt"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        assertThat(processor.handle(named)).isEqualTo(Answer.reply("OK"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void reportsThatConfirmDoNotMatchOrFindNothingChangeNothing(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 3, Duration.ZERO);
        String code = code(processor.process(fortumo("o-1", "37060000008", false)));
        DeliveryReport ok = new DeliveryReport("fortumo", "o-1", true, Optional.of("37060000008"), Optional.of("lt"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new BigDecimal("1.450")),
                Optional.of("EUR"));
        DeliveryReport otherSender = new DeliveryReport("fortumo", "o-1", false, Optional.of("37060000009"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        assertThat(processor.handle(ok)).isEqualTo(Answer.reply("OK"));
        assertThat(processor.handle(otherSender)).isEqualTo(new Answer(409, "message_id reused", Optional.empty()));
        assertThat(processor.handle(failed("never-seen"))).isEqualTo(Answer.reply("OK"));
        assertThat(processor.handle(failed("never-seen"))).isEqualTo(Answer.reply("OK"));

        assertThat(session(code).receivedMessages()).isEqualTo(1);
        assertThat(StoredRows.rows(database, "SELECT message_id, status, reports FROM smssafe_unmatched_report"
                + " WHERE safe_id = ?", SAFE)).singleElement().satisfies(row -> assertThat((Object[]) row)
                        .containsExactly("never-seen", "failed", 2));
    }
}
