package lt.smssafe.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.DeliveryReport;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.sms.PaidMessage;
import lt.smssafe.sms.RedemptionReference;
import lt.smssafe.sms.Redemptions;
import lt.smssafe.sms.dialect.GatewayMessage;
import lt.smssafe.sms.dialect.fortumo.FortumoDialect;
import lt.smssafe.sms.dialect.paysera.PayseraDialect;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On both databases: the payments list's filters, each alone picking exactly the payments it names; the dashboard's
 * figures, and what a reversal of a closed session's message takes off revenue.
 */
class PaymentFiltersTest {
    private static final long SAFE = 42;
    private static final BigDecimal PRICE = new BigDecimal("1.45");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private static GatewayMessage paid(String id, String sender) {
        return new GatewayMessage(FortumoDialect.NAME, id, sender, "lt", "tele2_lt", "1337", "order-" + sender, PRICE,
                "EUR", false);
    }

    private static DeliveryReport notBilled(String id) {
        return new DeliveryReport("fortumo", id, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(PRICE), Optional.empty());
    }

    /**
     * Nine one-message payments: four that differ by content, country, operator and gateway, and five around the
     * days 2026-11-30 to 2026-12-01 in Vilnius (UTC+2), a millisecond either side of each day's edge: a day taken in
     * UTC would let the wrong ones in.
     */
    private static PaymentPages nineFilteredPayments(Database database, MutableClock clock) {
        MessageProcessor processor = new MessageProcessor(database, SAFE, MessageCount.fixed(1), Duration.ZERO,
                Language.EN, clock, new SecureRandom(), () -> { });
        payAt(processor, clock, "2026-11-29T21:59:59.999Z", fortumo("37060000011", "lt", "telia_lt", "t-before"));
        payAt(processor, clock, "2026-11-29T22:00:00Z", fortumo("37060000012", "lt", "telia_lt", "t-first"));
        payAt(processor, clock, "2026-12-01T10:00:00Z", fortumo("37060000001", "lt", "tele2_lt", "book-17"));
        payAt(processor, clock, "2026-12-01T10:00:00Z", fortumo("37160000002", "lv", "lmt_lv", "music 50% off_now"));
        payAt(processor, clock, "2026-12-01T10:00:00Z", paysera("37060000003", "lt", "bite_lt", "book-170"));
        payAt(processor, clock, "2026-12-01T10:00:00Z", paysera("37260000004", "ee", "elisa_ee", "500 off-now"));
        payAt(processor, clock, "2026-12-01T12:00:00Z", fortumo("37060000013", "lt", "telia_lt", "t-noon"));
        payAt(processor, clock, "2026-12-01T21:59:59.999Z", fortumo("37060000014", "lt", "telia_lt", "t-last"));
        payAt(processor, clock, "2026-12-01T22:00:00Z", fortumo("37060000015", "lt", "telia_lt", "t-after"));
        return PaymentPages.of(database, SAFE, clock, ZoneId.of("Europe/Vilnius"));
    }

    private static void payAt(MessageProcessor processor, MutableClock clock, String at, PaidMessage message) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(at)));
        assertThat(processor.process(message).body()).as(message.content()).endsWith(" closed");
    }

    private static GatewayMessage fortumo(String sender, String country, String operator, String content) {
        return new GatewayMessage(FortumoDialect.NAME, "f-" + content, sender, country, operator, "1337", content,
                PRICE, "EUR", false);
    }

    private static GatewayMessage paysera(String sender, String country, String operator, String content) {
        return new GatewayMessage(PayseraDialect.NAME, "p-" + content, sender, country, operator, "1337", content,
                PRICE, "EUR", false);
    }

    /** The contents of the payments the list shows for these form fields, as the page reads them. */
    private static List<String> listed(PaymentPages payments, String content, String country, String operator,
            String gateway, String from, String to) {
        return payments.list().page(PaymentFilter.of(null, null, content, country, operator, gateway, null, null, from, to), null)
                .items().stream().map(SessionStatus::content).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void eachFilterAlonePicksExactlyThePaymentsItNames(TestDatabases kind) {
        database = kind.openMigrated();
        MutableClock time = new MutableClock(Instant.parse("2026-11-29T00:00:00Z"));
        PaymentPages payments = nineFilteredPayments(database, time);

        assertThat(listed(payments, null, null, null, null, null, null)).hasSize(9);
        assertThat(listed(payments, "book-17", null, null, null, null, null)).as("content, a part of it")
                .containsExactlyInAnyOrder("book-17", "book-170");
        assertThat(listed(payments, "BOOK-17", null, null, null, null, null)).as("content in any case, on both")
                .containsExactlyInAnyOrder("book-17", "book-170");
        assertThat(listed(payments, "50%", null, null, null, null, null)).as("a % typed is a %, not a wildcard")
                .containsExactly("music 50% off_now");
        assertThat(listed(payments, "off_now", null, null, null, null, null)).as("an _ typed is an _")
                .containsExactly("music 50% off_now");
        assertThat(listed(payments, null, "LV", null, null, null, null)).as("country, in any case")
                .containsExactly("music 50% off_now");
        assertThat(listed(payments, null, "ee", null, null, null, null)).containsExactly("500 off-now");
        assertThat(listed(payments, null, "l", null, null, null, null)).as("country matched whole").isEmpty();
        assertThat(listed(payments, null, null, "bite_lt", null, null, null)).as("operator")
                .containsExactly("book-170");
        assertThat(listed(payments, null, null, " TELE2_LT ", null, null, null)).containsExactly("book-17");
        assertThat(listed(payments, null, null, null, "paysera", null, null)).as("gateway")
                .containsExactlyInAnyOrder("book-170", "500 off-now");
        assertThat(listed(payments, null, null, null, "Fortumo", null, null)).containsExactlyInAnyOrder(
                "book-17", "music 50% off_now", "t-before", "t-first", "t-noon", "t-last", "t-after");
        assertThat(listed(payments, null, null, null, "smssafe", null, null)).isEmpty();
        assertThat(listed(payments, null, null, null, null, "2026-11-30", "2026-12-01"))
                .as("both days included, in Europe/Vilnius").containsExactlyInAnyOrder("t-first", "book-17",
                        "music 50% off_now", "book-170", "500 off-now", "t-noon", "t-last");
        assertThat(listed(payments, null, null, null, null, "2026-12-02", null)).as("from alone")
                .containsExactly("t-after");
        assertThat(listed(payments, null, null, null, null, null, "2026-11-29")).as("to alone")
                .containsExactly("t-before");
        assertThat(listed(payments, null, null, null, null, "2026-12-01", "2026-12-01")).as("one day")
                .containsExactlyInAnyOrder("book-17", "music 50% off_now", "book-170", "500 off-now", "t-noon",
                        "t-last");
    }

    /**
     * On the 31st, the chart's 30 days begin on the 2nd; the month's card still counts the 1st (and not the last day
     * of the month before, which the chart would have had on the 30th).
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theMonthCountsItsFirstDayAlsoOnThe31st(TestDatabases kind) {
        database = kind.openMigrated();
        MutableClock december = new MutableClock(Instant.parse("2026-11-30T23:59:59Z"));
        MessageProcessor processor = new MessageProcessor(database, SAFE, MessageCount.fixed(1), Duration.ZERO,
                Language.EN, december, new SecureRandom(), () -> { });
        payAt(processor, december, "2026-11-30T23:59:59Z", fortumo("37060000021", "lt", "tele2_lt", "november"));
        payAt(processor, december, "2026-12-01T00:00:00Z", fortumo("37060000022", "lt", "tele2_lt", "first"));
        payAt(processor, december, "2026-12-31T23:00:00Z", fortumo("37060000023", "lt", "tele2_lt", "last"));

        Dashboard dashboard = PaymentPages.of(database, SAFE, december, ZoneOffset.UTC)
                .dashboard().figures(30, Dashboard.Split.COUNTRY);

        assertThat(dashboard.days()).hasSize(30);
        assertThat(dashboard.days().get(0).date()).hasToString("2026-12-02");
        assertThat(dashboard.month().get("EUR").payments()).isEqualTo(2);
        assertThat(dashboard.month().get("EUR").revenue()).isEqualByComparingTo("2.90");
        assertThat(dashboard.totalsSince(dashboard.today()).get("EUR").payments()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReversedMessageOfAClosedSessionIsNotRevenueButTheSessionStaysPaid(TestDatabases kind) {
        database = kind.openMigrated();
        MessageProcessor processor = new MessageProcessor(database, SAFE, MessageCount.fixed(2), Duration.ZERO,
                Language.EN, clock, new SecureRandom(), () -> { });
        PaymentPages payments = PaymentPages.of(database, SAFE, clock, ZoneOffset.UTC);
        processor.process(paid("kept-1", "37060000001"));
        processor.process(paid("kept-2", "37060000001"));
        processor.process(paid("reversed-1", "37060000002"));
        processor.process(paid("reversed-2", "37060000002"));

        Dashboard.Figures before = payments.dashboard().figures(30, Dashboard.Split.COUNTRY)
                .totalsSince(clock.instant().atZone(ZoneOffset.UTC).toLocalDate()).get("EUR");
        assertThat(processor.handle(notBilled("reversed-2")).body()).isEqualTo("OK");
        Dashboard after = payments.dashboard().figures(30, Dashboard.Split.OPERATOR);
        Dashboard.Figures today = after.totalsSince(after.today()).get("EUR");

        assertThat(before.payments()).isEqualTo(2);
        assertThat(before.revenue()).isEqualByComparingTo("5.80");
        assertThat(today.payments()).as("the reversed session still closed and paid").isEqualTo(2);
        assertThat(today.revenue()).as("4 x 1.45 less the reversed 1.45").isEqualByComparingTo("4.35");
        assertThat(after.days().get(after.days().size() - 1).bySeries().get("tele2_lt EUR").revenue())
                .isEqualByComparingTo("4.35");
    }

    /**
     * A redeemed payment carries when and for which reference on every read of the list, the CSV's rows, its detail and
     * its status; the list filters redeemed and not redeemed (docs/protocol.md §9).
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRedeemedPaymentSaysWhenAndForWhatAndTheListFiltersByIt(TestDatabases kind) {
        database = kind.openMigrated();
        MutableClock time = new MutableClock(Instant.parse("2026-11-29T00:00:00Z"));
        PaymentPages payments = nineFilteredPayments(database, time);
        Redemptions redemptions = new Redemptions(database, SAFE, false, time);
        String book = code(payments, "book-17");
        String music = code(payments, "music 50% off_now");
        redemptions.redeem(book, new RedemptionReference("account-1"));
        time.advance(Duration.ofMinutes(1));
        redemptions.redeem(music.toLowerCase(), new RedemptionReference("account-2"));

        List<String> redeemed = redeemedRows(payments, "yes");
        List<String> everyRow = new java.util.ArrayList<>();
        payments.list().forEach(PaymentFilter.of(null, null, null, null, null, null, null, null, null, null),
                s -> everyRow.add(s.content() + " " + s.redeemedAt().map(Object::toString).orElse("-") + " "
                        + s.redeemedFor().orElse("-")));

        assertThat(redeemed).containsExactlyInAnyOrder("book-17 2026-12-01T22:00:00Z account-1",
                "music 50% off_now 2026-12-01T22:01:00Z account-2");
        assertThat(redeemedRows(payments, "No")).hasSize(7).allMatch(row -> row.endsWith(" - -"));
        assertThat(redeemedRows(payments, "maybe")).as("not a choice: ignored").hasSize(9);
        assertThat(everyRow).hasSize(9).contains("book-17 2026-12-01T22:00:00Z account-1")
                .containsOnlyOnce("t-noon - -");
        assertThat(payments.details().find(book).orElseThrow().session().redeemedFor()).contains("account-1");
        assertThat(new SessionQueries(database, SAFE, time).status(music).orElseThrow().isRedeemed()).isTrue();
        assertThat(new SessionQueries(database, SAFE, time).status(code(payments, "t-noon")).orElseThrow()
                .isRedeemed()).isFalse();
    }

    private static String code(PaymentPages payments, String content) {
        return payments.list().page(PaymentFilter.of(null, null, content, null, null, null, null, null, null, null), null)
                .items().stream().filter(s -> s.content().equals(content)).findFirst().orElseThrow().code();
    }

    private static List<String> redeemedRows(PaymentPages payments, String redeemed) {
        return payments.list().page(PaymentFilter.of(null, null, null, null, null, null, null, redeemed, null, null), null)
                .items().stream().map(s -> s.content() + " " + s.redeemedAt().map(Object::toString).orElse("-")
                        + " " + s.redeemedFor().orElse("-")).toList();
    }
}
