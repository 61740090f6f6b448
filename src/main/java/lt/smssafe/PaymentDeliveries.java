package lt.smssafe;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lt.smssafe.action.ActionRun;
import lt.smssafe.action.ActionRunner;
import lt.smssafe.action.ActionRunners;
import lt.smssafe.action.LoggingPaymentAction;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.persistence.Database;
import lt.smssafe.webhook.WebhookAction;
import lt.smssafe.webhook.WebhookConfig;

/**
 * Where this installation delivers completed payments, as its settings say: the Java action (the {@code action} key
 * or a ServiceLoader entry) and the webhook ({@code webhook.url}), each with its own runner; both when both are set,
 * and the logging action when neither is. The Java action's runner always runs, with the logging action when the
 * webhook alone is configured, so that runs owed before the webhook was set up are still done; a completed payment
 * owes it a run only when a Java action is configured or no webhook is.
 *
 * @param runners every target's runner; what the message path and the MBS recorder owe runs to and wake
 * @param webhook the webhook's action, when {@code webhook.url} is set
 */
record PaymentDeliveries(ActionRunners runners, Optional<WebhookAction> webhook) implements AutoCloseable {

    /**
     * @param configured the site owner's own action, if any
     */
    static PaymentDeliveries of(Database database, long safe, Optional<PaymentAction> configured,
            Optional<WebhookConfig> webhookConfig, Clock clock) {
        Optional<WebhookAction> webhook = webhookConfig.map(config -> new WebhookAction(config, safe, clock));
        List<ActionRunner> runners = new ArrayList<>();
        runners.add(new ActionRunner(database, safe, ActionRun.Target.ACTION,
                configured.orElseGet(LoggingPaymentAction::new), clock, new OwedPayments()));
        webhook.ifPresent(action -> runners.add(new ActionRunner(database, safe, ActionRun.Target.WEBHOOK, action,
                clock, new OwedPayments())));
        Set<ActionRun.Target> owed = EnumSet.noneOf(ActionRun.Target.class);
        if (configured.isPresent() || webhook.isEmpty()) {
            owed.add(ActionRun.Target.ACTION);
        }
        if (webhook.isPresent()) {
            owed.add(ActionRun.Target.WEBHOOK);
        }
        return new PaymentDeliveries(new ActionRunners(runners, owed), webhook);
    }

    /** Stops the runners, then the webhook's client: a delivery in progress is aborted and retried later. */
    @Override
    public void close() {
        runners.close();
        webhook.ifPresent(WebhookAction::close);
    }
}
