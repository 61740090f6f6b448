package lt.smssafe.action;

import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * Finds the payment an {@link ActionRun} is owed for, whatever its {@link ActionRun.Kind}: the runner knows none of
 * them, so whoever assembles the application gives it the one that does.
 */
@FunctionalInterface
public interface PaymentLookup {
    /** The payment of this safe of this kind with this reference, if it (still) exists. */
    Optional<? extends OwedPayment> find(EntityManager em, long safeId, ActionRun.Kind kind, String reference);
}
