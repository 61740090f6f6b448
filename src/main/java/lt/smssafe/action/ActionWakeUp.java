package lt.smssafe.action;

/**
 * What whoever owes a payment action tells once the database transaction that owed it has committed, so that the
 * action runs now rather than at the runner's next poll: the {@link ActionRunner} is the one that wakes.
 */
@FunctionalInterface
public interface ActionWakeUp {
    /** A payment action became owed, and the transaction that owes it committed. */
    void wake();
}
