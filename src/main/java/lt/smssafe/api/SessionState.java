package lt.smssafe.api;

import java.util.Locale;

/** Where a payment session stands, as the status page and its JSON name it (docs/protocol.md §6). */
public enum SessionState {
    /** Collecting messages. */
    OPEN,
    /** The last but one arrived; the last one must wait until the wait end. */
    WAITING,
    /** All messages arrived; paid. */
    CLOSED;

    /** The name used in JSON and filters: {@code open}, {@code waiting}, {@code closed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
