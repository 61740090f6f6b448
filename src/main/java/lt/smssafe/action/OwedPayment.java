package lt.smssafe.action;

import lt.smssafe.api.PaymentAction;

/**
 * A completed payment of any kind, as the runner hands it to the site owner's {@link PaymentAction}. Each payment
 * kind implements it on its own entity (a closed SMS session, a committed MBS transaction), so the runner needs to
 * know neither kind.
 */
public interface OwedPayment {
    /** Calls the action's method for this kind of payment with its public description. */
    void deliverTo(PaymentAction action) throws Exception;
}
