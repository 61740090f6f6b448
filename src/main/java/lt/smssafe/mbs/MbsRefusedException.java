package lt.smssafe.mbs;

import java.util.Optional;

/**
 * The platform answered and said no: a SOAP fault (nothing was created or changed), a transaction in status
 * {@code fail} (the attempt is recorded, see {@link #transaction()}), or HTTP 401/403 for wrong credentials
 * ({@link MbsState#UNAUTHORIZED}).
 */
public final class MbsRefusedException extends MbsException {
    private static final long serialVersionUID = 1L;

    private final transient Transaction transaction;

    MbsRefusedException(String state, String description) {
        this(state, description, null, null);
    }

    MbsRefusedException(String state, String description, Transaction transaction, Throwable cause) {
        super(state, description, cause);
        this.transaction = transaction;
    }

    /** The transaction in status {@code fail} that a bill became, if it became one. */
    public Optional<Transaction> transaction() {
        return Optional.ofNullable(transaction);
    }
}
