package lt.smssafe.queries;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import lt.smssafe.persistence.Database;

/**
 * What every reader of the payments pages needs: the database, whose payments (the safe), what time it is, and
 * the pages' time zone, in which days begin and end.
 */
record ReadScope(Database database, long safeId, Clock clock, ZoneId zone) {
    Instant now() {
        return clock.instant();
    }
}
