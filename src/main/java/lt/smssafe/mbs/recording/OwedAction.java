package lt.smssafe.mbs.recording;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import lt.smssafe.mbs.TransactionReference;

/**
 * The payment action a committed transaction is owed, kept for the {@link BillingRecorder} by the installation. The
 * action is the public {@code api}'s, and the public {@code api} offers this package's MBS client: so {@code mbs}
 * does not see the action, and the recorder only says when it became owed.
 */
public interface OwedAction {
    /**
     * Owes the action, inside the database transaction that first recorded the transaction committed: both commit,
     * or neither.
     */
    void owe(EntityManager em, TransactionReference reference, Instant now);

    /** That database transaction committed: the action may run now. */
    void owed(TransactionReference reference);
}
