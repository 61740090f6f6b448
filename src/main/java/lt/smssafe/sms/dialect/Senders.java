package lt.smssafe.sms.dialect;

import java.util.regex.Pattern;

/**
 * The sender of a live gateway's message (docs/protocol.md §8): a phone number or the gateway's masked sender id, 1–64
 * of {@code A-Z a-z 0-9 + # = _ . : -}, or blank when the gateway could not tell.
 */
public final class Senders {
    /** A sender as a gateway may send it: an id in the form above, or blank. */
    public static final Pattern FORM = Pattern.compile("[A-Za-z0-9+#=_.:-]{1,64}|\\s*");

    private Senders() {
    }

    /** The sender as stored: blank becomes empty. */
    public static String normalise(String sender) {
        return sender.isBlank() ? "" : sender;
    }
}
