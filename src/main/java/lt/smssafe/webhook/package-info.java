/**
 * The webhook (docs/protocol.md §10): the built-in payment action of a site whose code is not Java, used when
 * {@code webhook.url} is set. {@link lt.smssafe.webhook.WebhookAction} is a {@link lt.smssafe.api.PaymentAction}
 * that turns each payment into one {@link lt.smssafe.webhook.WebhookEvent} (the JSON body) and POSTs it, signed by
 * the {@link lt.smssafe.webhook.WebhookSigner}, to the {@link lt.smssafe.webhook.WebhookConfig}'s URL; a delivery
 * that is not a 2xx answer within 10 s throws a {@link lt.smssafe.webhook.WebhookDeliveryException}, and the
 * runner of the webhook's {@code action} target retries it. This package knows the public {@code api}, the
 * {@code signing} kit and nothing of the database: the runs, their retries and giving up are {@code action}'s.
 */
package lt.smssafe.webhook;
