package lt.smssafe.queries;

import java.time.Clock;
import java.time.ZoneId;
import lt.smssafe.persistence.Database;

/**
 * The site owner's view of every payment, one reader per screen: the filtered list of SMS payments and its CSV
 * ({@code /payments}), one payment ({@code /payment?code=}), the MBS transactions, and the dashboard's figures.
 * Read-only.
 */
public record PaymentPages(PaymentList list, PaymentDetails details, TransactionList transactions,
        DashboardQuery dashboard) {
    /** @param zone the pages' time zone, in which days begin and end */
    public static PaymentPages of(Database database, long safeId, Clock clock, ZoneId zone) {
        ReadScope scope = new ReadScope(database, safeId, clock, zone);
        return new PaymentPages(new PaymentList(scope), new PaymentDetails(scope), new TransactionList(scope),
                new DashboardQuery(scope));
    }
}
