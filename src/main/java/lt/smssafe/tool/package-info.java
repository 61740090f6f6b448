/**
 * Command-line tools for site owners, run outside the container: sending correctly signed notifications to a
 * deployment's {@code /result}, {@code /fortumo} or {@code /paysera}, like the gateway would, and sample webhook
 * events to a shop's receiver, like sms:safe would. Only the command line is here: each gateway's request is built
 * and signed by its dialect's builder ({@code NotificationRequest}, {@code FortumoRequest}, {@code PayseraRequest}),
 * each webhook event by the webhook's own ({@code WebhookEvent}, {@code WebhookSigner}). Nothing here runs inside
 * the web application.
 */
package lt.smssafe.tool;
