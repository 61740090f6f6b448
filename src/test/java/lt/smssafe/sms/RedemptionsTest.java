package lt.smssafe.sms;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lt.smssafe.api.SessionState;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.Redemptions.Attempt;
import lt.smssafe.sms.Redemptions.Verdict;
import lt.smssafe.sms.dialect.GatewayMessage;
import lt.smssafe.sms.dialect.fortumo.FortumoDialect;
import lt.smssafe.testing.Concurrently;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A paid code is spent once (docs/protocol.md §9), on both databases: every case of the contract's table, a retry with
 * the same reference answered with the first redemption's values, and many redemptions of one code at once, of which
 * the database lets exactly one through.
 */
class RedemptionsTest {
    private static final long SAFE = 909;
    private static final BigDecimal PRICE = new BigDecimal("1.45");
    private static final Instant START = Instant.parse("2026-12-07T10:15:30.123456Z");

    private final MutableClock clock = new MutableClock(START);
    private Database database;
    private MessageProcessor processor;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    /** Two messages close a session; the one before the last waits an hour. */
    private Redemptions open(TestDatabases kind, boolean testPaymentsRedeemable) {
        database = kind.openMigrated();
        processor = new MessageProcessor(database, SAFE, MessageCount.fixed(2), Duration.ofHours(1), Language.EN,
                clock, new SecureRandom(), () -> { });
        return new Redemptions(database, SAFE, testPaymentsRedeemable, clock);
    }

    /** A session of {@code messages} Fortumo messages from a new phone, the last one after the wait. */
    private String pay(String phone, int messages, boolean test) {
        String code = null;
        for (int i = 1; i <= messages; i++) {
            code = code(processor.process(fortumo(phone + "-" + i, phone, test)));
            clock.advance(Duration.ofMinutes(61));
        }
        return code;
    }

    private static GatewayMessage fortumo(String id, String sender, boolean test) {
        return new GatewayMessage(FortumoDialect.NAME, id, sender, "lt", "tele2_lt", "1337", "order-" + sender, PRICE,
                "EUR", test);
    }

    private SessionState state(String code) {
        return StoredRows.session(database, SAFE, code).stateAt(clock.instant());
    }

    private static RedemptionReference reference(String value) {
        return new RedemptionReference(value);
    }

    /** Every stored redemption as {@code code reference redeemedAt}. */
    private List<String> rows() {
        return StoredRows.rows(database, "SELECT s.code, r.reference, r.redeemed_at, r.safe_id"
                        + " FROM smssafe_redemption r JOIN smssafe_session s ON s.id = r.session_id ORDER BY r.id")
                .stream().map(Object[].class::cast).map(row -> row[0] + " " + row[1] + " "
                        + java.time.Instant.ofEpochMilli(((Number) row[2]).longValue()) + " safe " + row[3]).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aPaidCodeIsRedeemedOnceAndARetryWithTheSameReferenceGetsTheFirstAnswer(TestDatabases kind) {
        Redemptions redemptions = open(kind, false);
        String code = pay("37060000001", 2, false);
        Instant redeemedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        Attempt first = redemptions.redeem(code, reference("account-17"));
        clock.advance(Duration.ofMinutes(5));
        Attempt retry = redemptions.redeem(" " + code.toLowerCase() + " ", reference("account-17"));
        Attempt other = redemptions.redeem(code, reference("account-18"));
        Attempt almostSame = redemptions.redeem(code, reference("Account-17"));

        assertThat(first.verdict()).isEqualTo(Verdict.REDEEMED);
        assertThat(first.redemption().orElseThrow().reference()).isEqualTo("account-17");
        assertThat(first.redemption().orElseThrow().redeemedAt()).isEqualTo(redeemedAt);
        assertThat(first.session().orElseThrow().code().value()).isEqualTo(code);
        assertThat(retry.verdict()).isEqualTo(Verdict.REDEEMED);
        assertThat(retry.redemption().orElseThrow().reference()).isEqualTo("account-17");
        assertThat(retry.redemption().orElseThrow().redeemedAt()).as("the first answer's, unchanged")
                .isEqualTo(redeemedAt);
        assertThat(other).isEqualTo(Attempt.refused(Verdict.ALREADY_REDEEMED, other.at()));
        assertThat(almostSame.verdict()).as("references compare exactly").isEqualTo(Verdict.ALREADY_REDEEMED);
        assertThat(rows()).containsExactly(code + " account-17 " + redeemedAt + " safe " + SAFE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anOpenOrWaitingSessionIsNotPaidYetAndAnUnknownOrMalformedCodeIsAnUnknownSession(TestDatabases kind) {
        Redemptions redemptions = open(kind, false);
        String code = code(processor.process(fortumo("o-1", "37060000002", false)));
        SessionState first = state(code);
        Verdict whileWaiting = redemptions.redeem(code, reference("a")).verdict();
        clock.advance(Duration.ofMinutes(61));
        SessionState then = state(code);
        Verdict whileOpen = redemptions.redeem(code, reference("a")).verdict();

        assertThat(first).isEqualTo(SessionState.WAITING);
        assertThat(whileWaiting).isEqualTo(Verdict.NOT_PAID_YET);
        assertThat(then).isEqualTo(SessionState.OPEN);
        assertThat(whileOpen).isEqualTo(Verdict.NOT_PAID_YET);
        assertThat(redemptions.redeem("ZZZZZZZZ", reference("a")).verdict()).isEqualTo(Verdict.UNKNOWN_SESSION);
        assertThat(redemptions.redeem("<b>", reference("a")).verdict()).isEqualTo(Verdict.UNKNOWN_SESSION);
        assertThat(redemptions.redeem(null, reference("a")).verdict()).isEqualTo(Verdict.UNKNOWN_SESSION);
        assertThat(rows()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anotherSafesPaidCodeIsUnknownHere(TestDatabases kind) {
        open(kind, false);
        String code = pay("37060000004", 2, false);
        Redemptions otherSafe = new Redemptions(database, SAFE + 1, false, clock);

        assertThat(otherSafe.redeem(code, reference("a")).verdict()).isEqualTo(Verdict.UNKNOWN_SESSION);
        assertThat(rows()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReversedPaymentIsRefusedAndAReversalAfterTheRedemptionLeavesItRedeemed(TestDatabases kind) {
        Redemptions redemptions = open(kind, false);
        String reversed = pay("37060000005", 2, false);
        processor.handle(failed("37060000005-2"));
        String redeemedFirst = pay("37060000006", 2, false);
        Attempt first = redemptions.redeem(redeemedFirst, reference("order-1"));
        processor.handle(failed("37060000006-1"));

        Attempt retry = redemptions.redeem(redeemedFirst, reference("order-1"));

        assertThat(redemptions.redeem(reversed, reference("order-0")).verdict()).isEqualTo(Verdict.REVERSED);
        assertThat(retry.verdict()).as("a retry after a reversal: the code is spent, the status says reversed")
                .isEqualTo(Verdict.REDEEMED);
        assertThat(retry.redemption().orElseThrow().redeemedAt()).isEqualTo(
                first.redemption().orElseThrow().redeemedAt());
        assertThat(retry.session().orElseThrow().reversedAt()).isPresent();
        assertThat(redemptions.redeem(redeemedFirst, reference("order-2")).verdict())
                .isEqualTo(Verdict.ALREADY_REDEEMED);
        assertThat(rows()).hasSize(1).allMatch(row -> row.startsWith(redeemedFirst + " order-1 "));
    }

    private static DeliveryReport failed(String id) {
        return new DeliveryReport("fortumo", id, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(PRICE), Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aTestPaymentIsRefusedUnlessRedeemTestAccepts(TestDatabases kind) {
        Redemptions rejecting = open(kind, false);
        Redemptions accepting = new Redemptions(database, SAFE, true, clock);
        String test = pay("37060000007", 2, true);

        assertThat(rejecting.redeem(test, reference("t-1")).verdict()).isEqualTo(Verdict.TEST_PAYMENT);
        assertThat(rows()).isEmpty();
        assertThat(accepting.redeem(test, reference("t-1")).verdict()).isEqualTo(Verdict.REDEEMED);
        assertThat(rejecting.redeem(test, reference("t-1")).verdict())
                .as("once spent, a retry is answered from the stored redemption").isEqualTo(Verdict.REDEEMED);
        assertThat(rows()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReferenceOf128CharactersOutsideTheBasicPlaneIsKeptExactly(TestDatabases kind) {
        Redemptions redemptions = open(kind, false);
        String code = pay("37060000008", 2, false);
        String longest = "😀".repeat(127) + "ž";

        assertThat(redemptions.redeem(code, reference(longest)).verdict()).isEqualTo(Verdict.REDEEMED);
        assertThat(redemptions.redeem(code, reference(longest)).verdict()).isEqualTo(Verdict.REDEEMED);
        assertThat(rows()).hasSize(1).allMatch(row -> row.startsWith(code + " " + longest + " "));
    }

    /**
     * 24 redemptions of one code with 24 references at the same moment: the unique key lets one insert commit; the
     * others fail on it, are run again and find it. Without the key, the reads before the inserts let several through.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void ofManyRedemptionsAtOnceWithDifferentReferencesExactlyOneSpendsTheCode(TestDatabases kind) {
        Redemptions redemptions = open(kind, false);
        String code = pay("37060000009", 2, false);

        List<Attempt> attempts = Concurrently.run(24, i -> () -> redemptions.redeem(code, reference("account-" + i)));

        Map<Verdict, Long> verdicts = attempts.stream().collect(Collectors.groupingBy(Attempt::verdict,
                Collectors.counting()));
        assertThat(verdicts).containsExactlyInAnyOrderEntriesOf(Map.of(Verdict.REDEEMED, 1L,
                Verdict.ALREADY_REDEEMED, 23L));
        String winner = attempts.stream().filter(a -> a.verdict() == Verdict.REDEEMED).findFirst().orElseThrow()
                .redemption().orElseThrow().reference();
        assertThat(rows()).hasSize(1).allMatch(row -> row.startsWith(code + " " + winner + " "));
    }

    /** The same, all with one reference (a site that retries at once): every one answered redeemed, the same values. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void manyRetriesAtOnceWithTheSameReferenceAreAllRedeemedWithOneRedemption(TestDatabases kind) {
        Redemptions redemptions = open(kind, false);
        String code = pay("37060000010", 2, false);

        List<Attempt> attempts = Concurrently.run(24, i -> () -> redemptions.redeem(code, reference("order-42")));

        assertThat(attempts).extracting(Attempt::verdict).containsOnly(Verdict.REDEEMED);
        assertThat(attempts.stream().map(a -> a.redemption().orElseThrow().redeemedAt()).distinct())
                .as("one redemption time for all").hasSize(1);
        assertThat(rows()).hasSize(1);
    }
}
