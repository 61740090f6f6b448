package lt.smssafe;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import lt.smssafe.action.ActionRun;
import lt.smssafe.action.OwedPayment;
import lt.smssafe.action.PaymentLookup;
import lt.smssafe.sms.PaymentSession;
import lt.smssafe.sms.Reversal;

/** How the payment-action runner finds each kind of payment from its run's reference: one case per kind. */
public final class OwedPayments implements PaymentLookup {
    @Override
    public Optional<? extends OwedPayment> find(EntityManager em, long safeId, ActionRun.Kind kind, String reference) {
        return switch (kind) {
            case SMS_SESSION -> PaymentSession.findClosed(em, safeId, reference);
            case MBS_TRANSACTION -> CommittedMbsTransactions.find(em, safeId, reference);
            case SMS_REVERSAL -> Reversal.find(em, safeId, reference);
        };
    }
}
