package lt.smssafe.queries;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param number the page's number, from 1
 * @param hasNext whether a further page exists
 */
public record Page<T>(List<T> items, int number, int size, boolean hasNext) {
    public Page {
        items = List.copyOf(items);
    }

    /** Whether a page before this one exists. */
    public boolean hasPrevious() {
        return number > 1;
    }
}
