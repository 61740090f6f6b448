package lt.smssafe.persistence;

/** The database could not be reached or did not complete the work; nothing of the unit of work was kept. */
public final class DatabaseUnavailableException extends RuntimeException {
    /** With the reason and the underlying failure. */
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
