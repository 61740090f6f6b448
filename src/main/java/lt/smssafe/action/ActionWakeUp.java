package lt.smssafe.action;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What whoever owes a payment action needs from the runners: which runs to owe for a completed payment, one per
 * {@link ActionRun.Target} that is configured ({@link #owe}), and, once the database transaction that owed them has
 * committed, a wake-up, so that they run now rather than at the runners' next poll. The {@link ActionRunner} of one
 * target is one; {@link ActionRunners} is every target's.
 */
@FunctionalInterface
public interface ActionWakeUp {
    /** A payment action became owed, and the transaction that owes it committed. */
    void wake();

    /** The targets a completed payment owes a run to; the Java action alone unless told otherwise. */
    default Set<ActionRun.Target> targets() {
        return Set.of(ActionRun.Target.ACTION);
    }

    /**
     * The runs a completed payment owes, one per {@linkplain #targets() target}, for the caller to persist in the
     * transaction that completes the payment.
     */
    default List<ActionRun> owe(long safeId, ActionRun.Kind kind, String reference, Instant now) {
        return targets().stream().sorted().map(target -> ActionRun.dueNow(safeId, target, kind, reference, now))
                .toList();
    }
}
