package lt.smssafe;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import lt.smssafe.action.ActionRun;
import lt.smssafe.action.ActionWakeUp;
import lt.smssafe.action.OwedPayment;
import lt.smssafe.api.CommittedTransaction;
import lt.smssafe.mbs.TransactionReference;
import lt.smssafe.mbs.recording.BilledTransaction;
import lt.smssafe.mbs.recording.OwedAction;

/**
 * Where committed MBS transactions meet the payment action: the run owed when the recorder first sees one committed,
 * and the {@link CommittedTransaction} the action receives. Here, in the assembly, because {@code mbs} cannot see
 * the action: the public {@code api} that holds it offers {@code mbs}'s client.
 */
public final class CommittedMbsTransactions implements OwedAction {
    private final long safeId;
    private final ActionWakeUp runner;

    /** @param runner which targets a transaction owes a run to, woken once they became owed */
    public CommittedMbsTransactions(long safeId, ActionWakeUp runner) {
        this.safeId = safeId;
        this.runner = runner;
    }

    @Override
    public void owe(EntityManager em, TransactionReference reference, Instant now) {
        runner.owe(safeId, ActionRun.Kind.MBS_TRANSACTION, reference.toString(), now).forEach(em::persist);
    }

    /** The runner need not know which: it claims whatever is due. */
    @Override
    public void owed(TransactionReference reference) {
        runner.wake();
    }

    /** How the payment-action runner finds the committed transaction a run is owed for, by its reference. */
    static Optional<OwedPayment> find(EntityManager em, long safeId, String reference) {
        return BilledTransaction.findOwed(em, safeId, reference)
                .map(recorded -> action -> action.transactionCommitted(committed(recorded)));
    }

    /** The transaction as the payment action receives it: as the platform last described it. */
    private static CommittedTransaction committed(BilledTransaction recorded) {
        TransactionReference reference = recorded.reference();
        return new CommittedTransaction(reference.serviceId(), reference.transactionId(), recorded.ident(),
                recorded.accountId(), recorded.accountMsisdn(), recorded.operator(), recorded.priceCents(),
                recorded.currency(), recorded.lastReportedAt());
    }
}
