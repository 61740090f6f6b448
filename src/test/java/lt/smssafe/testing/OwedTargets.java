package lt.smssafe.testing;

import java.util.EnumSet;
import java.util.Set;
import lt.smssafe.action.ActionRun;
import lt.smssafe.action.ActionWakeUp;

/**
 * A wake-up for a message path or MBS recorder under test that owes a run to every target (the Java action and the
 * webhook, as with both configured) and wakes nothing: the test runs each round itself.
 */
public final class OwedTargets implements ActionWakeUp {
    /** Every target owed. */
    public static final ActionWakeUp ALL = new OwedTargets();

    private OwedTargets() {
    }

    @Override
    public void wake() {
    }

    @Override
    public Set<ActionRun.Target> targets() {
        return EnumSet.allOf(ActionRun.Target.class);
    }
}
