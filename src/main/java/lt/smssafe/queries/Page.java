package lt.smssafe.queries;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One page of a longer list, read from a position (keyset pagination: a page far back costs what the first does).
 *
 * @param older the token of the next, older page's position; empty when nothing older is left
 * @param newest whether this is the list's first page (no position was given)
 * @param searchedBackTo when the list's search window ran out before a page was full: the time of the oldest entry
 *     it examined (the page shows what matched up to there, and {@code older} goes on searching from there)
 * @param searchedPhonesTo the same in phone order: the last phone number examined
 */
public record Page<T>(List<T> items, Optional<String> older, boolean newest, Optional<Instant> searchedBackTo,
        Optional<String> searchedPhonesTo) {
    /** Rows per page, on every list of the admin pages. */
    public static final int SIZE = 50;

    public Page {
        items = List.copyOf(items);
    }

    /** Whether a further, older page exists. */
    public boolean hasNext() {
        return older.isPresent();
    }

    /** Whether pages newer than this one exist (this page was reached through an older link). */
    public boolean hasPrevious() {
        return !newest;
    }

    /** Whether the search window ran out before the page was full. */
    public boolean isWindowed() {
        return searchedBackTo.isPresent() || searchedPhonesTo.isPresent();
    }
}
