package lt.smssafe.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.DeliveryReport;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.sms.dialect.fortumo.FortumoMessage;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The dashboard's figures on both databases: what a reversal of a closed session's message takes off revenue. */
class PaymentQueriesTest {
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

    private static FortumoMessage paid(String id, String sender) {
        return new FortumoMessage(id, sender, "lt", "tele2_lt", "1337", "order-" + sender, PRICE, "EUR", false);
    }

    private static DeliveryReport notBilled(String id) {
        return new DeliveryReport("fortumo", id, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(PRICE), Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReversedMessageOfAClosedSessionIsNotRevenueButTheSessionStaysPaid(TestDatabases kind) {
        database = kind.openMigrated();
        MessageProcessor processor = new MessageProcessor(database, SAFE, MessageCount.fixed(2), Duration.ZERO,
                Language.EN, clock, new SecureRandom(), code -> { });
        PaymentQueries payments = new PaymentQueries(database, SAFE, clock, ZoneOffset.UTC);
        processor.process(paid("kept-1", "37060000001"));
        processor.process(paid("kept-2", "37060000001"));
        processor.process(paid("reversed-1", "37060000002"));
        processor.process(paid("reversed-2", "37060000002"));

        Dashboard.Figures before = payments.dashboard(30, Dashboard.Split.COUNTRY)
                .totalsSince(clock.instant().atZone(ZoneOffset.UTC).toLocalDate()).get("EUR");
        assertThat(processor.report(notBilled("reversed-2")).body()).isEqualTo("OK");
        Dashboard after = payments.dashboard(30, Dashboard.Split.OPERATOR);
        Dashboard.Figures today = after.totalsSince(after.today()).get("EUR");

        assertThat(before.payments()).isEqualTo(2);
        assertThat(before.revenue()).isEqualByComparingTo("5.80");
        assertThat(today.payments()).as("the reversed session still closed and paid").isEqualTo(2);
        assertThat(today.revenue()).as("4 x 1.45 less the reversed 1.45").isEqualByComparingTo("4.35");
        assertThat(after.days().get(after.days().size() - 1).bySeries().get("tele2_lt EUR").revenue())
                .isEqualByComparingTo("4.35");
    }
}
