package lt.smssafe.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.DeliveryReport;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.sms.RevenueSummary;
import lt.smssafe.sms.dialect.GatewayMessage;
import lt.smssafe.sms.dialect.fortumo.FortumoDialect;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On both databases: the dashboard's figures come from the summary the write path keeps (schema v9), and they are
 * what a count of the sessions themselves gives — after many threads closed sessions at once, across midnights in
 * the pages' zone, some reversed afterwards and some test ones; and after the configured zone changed, when the
 * start-up counts the summary again.
 */
class DashboardSummaryTest {
    private static final long SAFE = 23;
    private static final ZoneId VILNIUS = ZoneId.of("Europe/Vilnius");
    private static final BigDecimal PRICE = new BigDecimal("1.45");
    private static final int THREADS = 8;
    private static final int PER_THREAD = 40;

    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    /** A clock that moves 17 minutes on every reading, from any thread: the burst spans several days. */
    private static MutableClock ticking() {
        return MutableClock.ticking(Instant.parse("2026-12-01T20:00:00Z"), Duration.ofMinutes(17));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theFiguresAreACountOfTheSessionsAfterAConcurrentBurstWithReversalsAndTests(TestDatabases kind)
            throws Exception {
        database = kind.openMigrated();
        MutableClock clock = ticking();
        MessageProcessor processor = new MessageProcessor(database, MessageCount.fixed(1), Duration.ZERO,
                Language.EN, clock, new SecureRandom(), () -> { }, new RevenueSummary(SAFE, VILNIUS));
        String[][] operators = {{"lt", "tele2_lt"}, {"lt", "bite_lt"}, {"lv", "lmt_lv"}};
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                for (int n = 0; n < PER_THREAD; n++) {
                    String[] operator = operators[(thread + n) % operators.length];
                    String id = "m-" + thread + "-" + n;
                    // a few phones shared by every thread, so that closes of one phone wait for each other too
                    GatewayMessage message = new GatewayMessage(FortumoDialect.NAME, id,
                            "3706000" + String.format("%04d", n % 13), operator[0], operator[1], "1337", "order",
                            PRICE, n % 3 == 0 ? "PLN" : "EUR", n % 7 == 0);
                    assertThat(processor.process(message).body()).endsWith(" closed");
                    if (n % 5 == 0) {
                        assertThat(processor.handle(notBilled(id)).body()).isEqualTo("OK");
                    }
                }
                return null;
            }));
        }
        for (Future<?> thread : done) {
            thread.get();
        }
        threads.shutdown();
        Instant end = clock.instant();
        PaymentPages payments = PaymentPages.of(database, SAFE, Clock.fixed(end, ZoneOffset.UTC), VILNIUS);

        for (Dashboard.Split split : Dashboard.Split.values()) {
            Dashboard dashboard = payments.dashboard().figures(30, split);
            assertThat(perDay(dashboard)).as("by %s", split).isEqualTo(recount(split, end));
            assertThat(dashboard.days().stream().mapToLong(Dashboard.Day::payments).sum()).as("by %s", split)
                    .isEqualTo(THREADS * (PER_THREAD - 6));
        }
    }

    /**
     * Another zone configured: the start-up finds the summary in the old zone and counts it again, so the days are the
     * new zone's; started again with the same zone it leaves the summary as it is.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aChangedZoneIsCountedAgainFromTheSessionsAtStartUp(TestDatabases kind) {
        database = kind.openMigrated();
        RevenueSummary utc = new RevenueSummary(SAFE, ZoneOffset.UTC);
        assertThat(utc.rebuildIfNeeded(database, Clock.systemUTC())).as("never built").isTrue();
        MutableClock clock = ticking();
        MessageProcessor processor = new MessageProcessor(database, MessageCount.fixed(1), Duration.ZERO,
                Language.EN, clock, new SecureRandom(), () -> { }, utc);
        for (int n = 0; n < 12; n++) {
            processor.process(new GatewayMessage(FortumoDialect.NAME, "z-" + n, "3706000" + String.format("%04d", n),
                    "lt", "tele2_lt", "1337", "order", PRICE, "EUR", false));
        }
        processor.handle(notBilled("z-3"));
        Instant end = clock.instant();
        // 20:00 UTC on, 17 minutes apart: in Vilnius (UTC+2) the first eight are already the next day
        PaymentPages inVilnius = PaymentPages.of(database, SAFE, Clock.fixed(end, ZoneOffset.UTC), VILNIUS);
        Map<LocalDate, Map<String, Dashboard.Figures>> expected = recount(Dashboard.Split.COUNTRY, end);
        assertThat(perDay(inVilnius.dashboard().figures(30, Dashboard.Split.COUNTRY))).as("still by days in UTC")
                .isNotEqualTo(expected);

        RevenueSummary vilnius = new RevenueSummary(SAFE, VILNIUS);
        assertThat(vilnius.rebuildIfNeeded(database, Clock.systemUTC())).isTrue();

        assertThat(perDay(inVilnius.dashboard().figures(30, Dashboard.Split.COUNTRY))).isEqualTo(expected);
        assertThat(expected.keySet()).hasSize(2);
        assertThat(vilnius.rebuildIfNeeded(database, Clock.systemUTC())).as("the same zone again").isFalse();
        assertThat(perDay(inVilnius.dashboard().figures(30, Dashboard.Split.COUNTRY))).isEqualTo(expected);
    }

    private static DeliveryReport notBilled(String id) {
        return new DeliveryReport("fortumo", id, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(PRICE), Optional.empty());
    }

    /** The days that paid, with their series' figures (revenue to two decimals, as the page shows it). */
    private static Map<LocalDate, Map<String, Dashboard.Figures>> perDay(Dashboard dashboard) {
        Map<LocalDate, Map<String, Dashboard.Figures>> days = new TreeMap<>();
        for (Dashboard.Day day : dashboard.days()) {
            if (!day.bySeries().isEmpty()) {
                Map<String, Dashboard.Figures> series = new TreeMap<>();
                day.bySeries().forEach((key, figures) -> series.put(key, new Dashboard.Figures(figures.payments(),
                        figures.revenue().setScale(2))));
                days.put(day.date(), series);
            }
        }
        return days;
    }

    /** The same figures counted from the sessions themselves, as the dashboard did before the summary. */
    private Map<LocalDate, Map<String, Dashboard.Figures>> recount(Dashboard.Split split, Instant now) {
        String series = split == Dashboard.Split.OPERATOR ? "provider" : "country";
        Map<LocalDate, Map<String, Dashboard.Figures>> days = new TreeMap<>();
        LocalDate first = now.atZone(VILNIUS).toLocalDate().minusDays(29);
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT closed_at, " + series + ", currency, total, reversed_total"
                        + " FROM smssafe_session WHERE safe_id = " + SAFE + " AND closed_at IS NOT NULL"
                        + " AND test = FALSE")) {
            while (rows.next()) {
                LocalDate day = Instant.ofEpochMilli(rows.getLong(1)).atZone(VILNIUS).toLocalDate();
                if (!day.isBefore(first)) {
                    days.computeIfAbsent(day, d -> new TreeMap<>()).merge(rows.getString(2) + " " + rows.getString(3),
                            new Dashboard.Figures(1, rows.getBigDecimal(4).subtract(rows.getBigDecimal(5))
                                    .setScale(2)), (a, b) -> new Dashboard.Figures(a.payments() + b.payments(),
                                    a.revenue().add(b.revenue())));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return days;
    }
}
