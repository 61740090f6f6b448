package lt.smssafe.persistence;

/**
 * The database could not be reached, did not answer in time, or kept conflicting: nothing of the unit of work was
 * kept, the caller did nothing wrong and may try again later (a 503 with {@code Retry-After}).
 */
public final class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With the reason and the underlying failure. */
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
