package lt.smssafe.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lt.smssafe.DatabaseBootstrap;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On both databases, with 22,000 sessions ({@link ListFill}): the "older" links of {@code /payments} walk every payment
 * exactly once, newest activity first, the open and the closed ones merged; a filter no index holds shows what matched
 * in its window, says how far back it searched, and its "search older" links find every match exactly once; a
 * hand-made or foreign cursor is the first page; the phone filter lists by phone, each phone's newest session first.
 */
class PaymentPagesTest {
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void olderLinksWalkEveryPaymentOnceAndWindowsFindEveryMatch(TestDatabases kind) throws Exception {
        try (HikariDataSource pool = kind.openEmpty()) {
            new SchemaMigrations(pool).migrate();
            ListFill.fill(pool, kind);
            try (Database database = Database.open(pool, () -> { }, DatabaseBootstrap.ENTITIES)) {
                MutableClock clock = new MutableClock(Instant.ofEpochMilli(ListFill.T0
                        + ListFill.CLOSED * ListFill.MINUTE));
                PaymentPages payments = PaymentPages.of(database, ListFill.SAFE, clock, ZoneOffset.UTC);

                PaymentFilter every = PaymentFilter.of(null, null, null, null, null, null, null, null, null, null);
                List<SessionStatus> all = new ArrayList<>();
                payments.list().forEach(every, all::add);
                assertThat(all).hasSize(ListFill.CLOSED + ListFill.OPEN);
                assertThat(all).extracting(SessionStatus::lastMessageAt).isSortedAccordingTo(Comparator.reverseOrder());
                assertThat(all).extracting(SessionStatus::code).doesNotHaveDuplicates();

                List<SessionStatus> walked = walk(payments, every, 1_000);
                assertThat(walked).extracting(SessionStatus::code).containsExactlyElementsOf(
                        all.stream().map(SessionStatus::code).toList());

                // a book in a thousand payments: the first window of 2,000 holds 2 of them
                PaymentFilter books = PaymentFilter.of(null, null, "BOOK", null, null, null, null, null, null, null);
                Page<SessionStatus> first = payments.list().page(books, null);
                assertThat(first.items()).isNotEmpty().hasSizeLessThan(Page.SIZE);
                assertThat(first.searchedBackTo()).as("how far back the window went").isPresent();
                assertThat(first.items()).allSatisfy(s -> assertThat(s.lastMessageAt())
                        .isAfterOrEqualTo(first.searchedBackTo().get()));
                assertThat(first.older()).isPresent();
                List<String> everyBook = all.stream().filter(s -> s.content().contains("Book")).map(SessionStatus::code)
                        .toList();
                assertThat(everyBook).hasSize(22);
                assertThat(walk(payments, books, 100)).extracting(SessionStatus::code)
                        .containsExactlyElementsOf(everyBook);

                // the CSV is not windowed
                List<String> csvBooks = new ArrayList<>();
                payments.list().forEach(books, s -> csvBooks.add(s.code()));
                assertThat(csvBooks).containsExactlyElementsOf(everyBook);

                for (String junk : List.of("", "x", "a12", "a1.2.3", "p1.!!", "a99999999999999999999.1",
                        new Cursor(Cursor.Order.PHONE, 0, 5, "3706").token(), "<script>")) {
                    assertThat(payments.list().page(every, junk).items()).as("cursor %s", junk)
                            .containsExactlyElementsOf(all.subList(0, Page.SIZE));
                }

                List<SessionStatus> phones = walk(payments, PaymentFilter.of(null, "370600001", null, null, null,
                        null, null, null, null, null), 100);
                assertThat(phones).extracting(SessionStatus::msisdn).allMatch(m -> m.startsWith("370600001"))
                        .isSorted();
                assertThat(phones).hasSize((int) all.stream().filter(s -> s.msisdn().startsWith("370600001"))
                        .count());
                for (int i = 1; i < phones.size(); i++) {
                    if (phones.get(i).msisdn().equals(phones.get(i - 1).msisdn())
                            && !ListFill.CODE.equals(phones.get(i).code())
                            && !ListFill.CODE.equals(phones.get(i - 1).code())) {
                        // the codes are the row numbers: a phone's newest session first
                        assertThat(phones.get(i).code()).isLessThan(phones.get(i - 1).code());
                    }
                }
            }
        }
    }

    /** Every payment the pages show, following "older" (or "search older") links until there are none. */
    private static List<SessionStatus> walk(PaymentPages payments, PaymentFilter filter, int maxPages) {
        List<SessionStatus> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        for (int i = 0; i < maxPages; i++) {
            Page<SessionStatus> page = payments.list().page(filter, cursor.orElse(null));
            seen.addAll(page.items());
            cursor = page.older();
            if (cursor.isEmpty()) {
                return seen;
            }
        }
        throw new AssertionError("more than " + maxPages + " pages");
    }
}
