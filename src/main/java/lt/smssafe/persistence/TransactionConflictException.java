package lt.smssafe.persistence;

/**
 * Concurrent transactions met: a lock wait timed out, a deadlock or a commit-time certification failure rolled
 * this one back, or a unique key was taken by a simultaneous insert. Nothing of the unit of work was kept; running
 * it again from the start may succeed, which {@link Database#inRetriedTransaction} does.
 */
public final class TransactionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean uniqueKeyRace;

    TransactionConflictException(Throwable cause, boolean uniqueKeyRace) {
        super("concurrent transactions conflicted: " + cause.getMessage(), cause);
        this.uniqueKeyRace = uniqueKeyRace;
    }

    /** Whether a simultaneous insert took the unique key first (rather than a lock, deadlock or certification). */
    public boolean isUniqueKeyRace() {
        return uniqueKeyRace;
    }
}
