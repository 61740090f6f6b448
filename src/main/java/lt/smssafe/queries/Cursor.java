package lt.smssafe.queries;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a list goes on: the last entry a page showed (or the last its search window examined), in the order of the
 * index the list is read in. Written into the page's "older" link as an opaque token and read back only by
 * {@link #parse}: anything else in the link, hand-made or cut short, is no cursor (the list starts from its newest).
 *
 * @param order which index order it is a position in
 * @param at epoch milliseconds of the last activity (or of the reversal); 0 in phone order
 * @param id the session's row id
 * @param phone the phone number in phone order; empty otherwise
 */
record Cursor(Order order, long at, long id, String phone) {
    /** The orders a list is read in. */
    enum Order {
        /** Newest activity first (the open and the closed sessions merged). */
        ACTIVITY('a'),
        /** Latest reversal first. */
        REVERSAL('r'),
        /** By phone number, each phone's newest first. */
        PHONE('p');

        final char tag;

        Order(char tag) {
            this.tag = tag;
        }
    }

    private static final Pattern TIMED = Pattern.compile("([ar])([0-9]{1,18})\\.([0-9]{1,18})");
    private static final Pattern PHONED = Pattern.compile("p([0-9]{1,18})\\.([A-Za-z0-9_-]{1,100})");

    /** The token of this position, for a link. */
    String token() {
        return order == Order.PHONE
                ? "p" + id + "." + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(phone.getBytes(StandardCharsets.UTF_8))
                : order.tag + String.valueOf(at) + "." + id;
    }

    /** The position a token names, if it is one of {@code order}'s; empty for anything else. */
    static Optional<Cursor> parse(String token, Order order) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher timed = TIMED.matcher(token);
        if (timed.matches() && timed.group(1).charAt(0) == order.tag) {
            return Optional.of(new Cursor(order, Long.parseLong(timed.group(2)), Long.parseLong(timed.group(3)),
                    ""));
        }
        Matcher phoned = PHONED.matcher(token);
        if (phoned.matches() && order == Order.PHONE) {
            try {
                String phone = new String(Base64.getUrlDecoder().decode(phoned.group(2)), StandardCharsets.UTF_8);
                return phone.length() <= 64 ? Optional.of(new Cursor(order, 0, Long.parseLong(phoned.group(1)),
                        phone)) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
