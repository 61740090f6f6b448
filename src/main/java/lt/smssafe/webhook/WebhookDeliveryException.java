package lt.smssafe.webhook;

/**
 * A delivery that was not a 2xx answer within the limit: the message says what happened (e.g. {@code HTTP 500},
 * {@code no answer within 10 s}, {@code connection refused}, {@code redirect (302) not followed}) and becomes the
 * run's last error for the admin. An expected outcome of a receiver, not a defect: it carries no stack trace.
 */
public final class WebhookDeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final WebhookAction.Outcome outcome;

    WebhookDeliveryException(WebhookAction.Outcome outcome, String message) {
        super(message, null, false, false);
        this.outcome = outcome;
    }

    /** Which kind of failure, as {@code /metrics} counts it. */
    public WebhookAction.Outcome outcome() {
        return outcome;
    }
}
