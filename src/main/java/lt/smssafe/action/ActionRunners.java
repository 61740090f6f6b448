package lt.smssafe.action;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runners of one installation, one per {@link ActionRun.Target} it runs, each on its own thread; and which
 * targets a completed payment owes a run to. A runner may run without its target being owed new runs: the Java
 * action's runner always runs, so that runs owed before the webhook replaced the Java action are still done.
 */
public final class ActionRunners implements ActionWakeUp, AutoCloseable {
    private final Map<ActionRun.Target, ActionRunner> runners = new EnumMap<>(ActionRun.Target.class);
    private final Set<ActionRun.Target> owed;

    /**
     * @param runners one per target, at most
     * @param owed the targets a completed payment owes a run to; each has its runner among {@code runners}
     * @throws IllegalArgumentException for two runners of one target, or an owed target without its runner
     */
    public ActionRunners(List<ActionRunner> runners, Set<ActionRun.Target> owed) {
        for (ActionRunner runner : runners) {
            if (this.runners.put(runner.target(), runner) != null) {
                throw new IllegalArgumentException("two runners of " + runner.target());
            }
        }
        if (owed.isEmpty() || !this.runners.keySet().containsAll(owed)) {
            throw new IllegalArgumentException("runs owed to " + owed + " but runners of " + this.runners.keySet());
        }
        this.owed = Set.copyOf(owed);
    }

    /** Starts every runner, each polling every {@code pollInterval}. */
    public void start(Duration pollInterval) {
        runners.values().forEach(runner -> runner.start(pollInterval));
    }

    /**
     * A payment just completed: wakes the runners of the targets it owed runs to, each to look for its own due runs.
     * A runner kept only for runs owed before the configuration changed (the Java action's, with the webhook alone)
     * is owed nothing new: its poll finds what is left, and waking it would cost an empty look-up per payment.
     */
    @Override
    public void wake() {
        owed.forEach(target -> runners.get(target).wake());
    }

    @Override
    public Set<ActionRun.Target> targets() {
        return owed;
    }

    /** The runner of this target, if this installation runs one. */
    public Optional<ActionRunner> runner(ActionRun.Target target) {
        return Optional.ofNullable(runners.get(target));
    }

    /**
     * The admin's "send again" of a given-up run ({@link ActionRunner#sendAgain}), by its runner.
     *
     * @return whether a run with this id was given up and is due again now
     */
    public boolean sendAgain(long runId) {
        return runners.values().stream().anyMatch(runner -> runner.sendAgain(runId));
    }

    /**
     * Stops every runner; see {@link ActionRunner#close()}. All stop claiming at once, then each is waited for, so
     * that a slow webhook receiver and a slow Java action are waited for together, not one after the other.
     */
    @Override
    public void close() {
        runners.values().forEach(ActionRunner::stop);
        runners.values().forEach(ActionRunner::close);
    }
}
