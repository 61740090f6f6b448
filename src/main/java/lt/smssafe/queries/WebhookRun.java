package lt.smssafe.queries;

import java.util.Optional;
import lt.smssafe.action.ActionRun;
import lt.smssafe.webhook.WebhookDeliveryException;
import lt.smssafe.webhook.WebhookEvent;

/**
 * A run of the webhook as {@code /select} lists it: the event as the site's receiver sees it (its {@code type} and
 * its {@code id}, the {@code SmsSafe-Event} header) and the session it is about, for a link to
 * {@code /payment?code=}.
 *
 * @param run the run: attempts, next attempt, given up, last error
 * @param type {@code session.closed}, {@code session.reversed} or {@code mbs.committed}
 * @param eventId the event's id; empty for a reversal whose message is gone
 * @param sessionCode the session's code for a session and a reversal of one (empty if its message is gone); empty
 *     for an MBS transaction
 */
public record WebhookRun(ActionRun run, String type, Optional<String> eventId, Optional<String> sessionCode) {
    private static final String DELIVERY_FAILED = WebhookDeliveryException.class.getName() + ": ";

    /** A reversed message as its event's id is made from it: its session's code, its gateway, its message id. */
    record ReversedMessage(String code, String dialect, String messageId) {
    }

    static WebhookRun of(long safe, ActionRun run, Optional<ReversedMessage> reversed) {
        return switch (run.kind()) {
            case SMS_SESSION -> new WebhookRun(run, WebhookEvent.SESSION_CLOSED, Optional.of(WebhookEvent.idOf(safe,
                    WebhookEvent.SESSION_CLOSED, run.reference())), Optional.of(run.reference()));
            case MBS_TRANSACTION -> new WebhookRun(run, WebhookEvent.MBS_COMMITTED, Optional.of(WebhookEvent.idOf(safe,
                    WebhookEvent.MBS_COMMITTED, run.reference())), Optional.empty());
            case SMS_REVERSAL -> new WebhookRun(run, WebhookEvent.SESSION_REVERSED, reversed.map(m -> WebhookEvent.idOf(
                    safe, WebhookEvent.SESSION_REVERSED, m.code() + "|" + m.dialect() + ":" + m.messageId())),
                    reversed.map(ReversedMessage::code));
        };
    }

    /**
     * Why its last attempt failed, as docs/webhooks.md names it ({@code HTTP 500}, {@code connection refused},
     * {@code no answer within 10 s}, {@code redirect (302) not followed}); any other failure (the payment not found)
     * with its exception's name, as the run keeps it. Empty before the first failure.
     */
    public String lastError() {
        return lastErrorOf(run).orElse("");
    }

    /**
     * A run's last error as the admin's pages show it: a webhook's failed delivery as docs/webhooks.md names it
     * ({@code HTTP 500}), without the exception's name; anything else (the Java action's exception, a payment not
     * found) as the run keeps it.
     */
    public static Optional<String> lastErrorOf(ActionRun run) {
        return run.lastError().map(error -> error.startsWith(DELIVERY_FAILED)
                ? error.substring(DELIVERY_FAILED.length()) : error);
    }
}
