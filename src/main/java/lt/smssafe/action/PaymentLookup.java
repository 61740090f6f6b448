package lt.smssafe.action;

import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * Finds the payment an {@link ActionRun} is owed for, by the run's reference: one per {@link ActionRun.Kind},
 * given to the runner by whoever assembles the application.
 */
@FunctionalInterface
public interface PaymentLookup {
    /** The payment of this safe with this reference, if it exists. */
    Optional<? extends OwedPayment> find(EntityManager em, long safeId, String reference);
}
