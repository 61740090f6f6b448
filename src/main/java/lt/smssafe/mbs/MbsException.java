package lt.smssafe.mbs;

import java.util.Objects;

/**
 * A call to the MBS platform that did not do what was asked. Every failure carries a state (see {@link MbsState})
 * and a readable description, and is one of two kinds, because a caller reacts differently:
 * <ul>
 * <li>{@link MbsRefusedException} — the platform answered and said no (or refused our credentials). Asking again
 *     the same way will get the same answer.</li>
 * <li>{@link MbsUnavailableException} — no usable answer: connection refused, a timeout, an HTTP or internal error.
 *     Nothing is known about the outcome; try again later, and look the transaction up before billing again.</li>
 * </ul>
 * Unchecked, because every method of {@link MbsDirect} can fail either way and a caller handles both in one place.
 */
public abstract sealed class MbsException extends RuntimeException
        permits MbsRefusedException, MbsUnavailableException {
    private static final long serialVersionUID = 1L;

    private final String state;
    private final String description;

    MbsException(String state, String description, Throwable cause) {
        super(state + ": " + description, cause);
        this.state = Objects.requireNonNull(state, "state is required");
        this.description = Objects.requireNonNull(description, "description is required");
    }

    /** The platform's state, e.g. {@code insufficient_funds}, or a client-side {@link MbsState#UNAVAILABLE}. */
    public String state() {
        return state;
    }

    /** Readable words for what failed, with the offending value where there is one. */
    public String description() {
        return description;
    }
}
