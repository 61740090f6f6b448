/**
 * The sms:safe protocol of {@code /result} (docs/protocol.md §2): the notification's eleven parameters, the passkey,
 * signing and verifying (HMAC-SHA256 or legacy MD5, on the shared {@code signing} kit), and the gate that checks the
 * caller, the form, the signature, the safe and the time window in the contract's order. Nothing here stores or
 * counts: the verified {@link lt.smssafe.sms.dialect.smssafe.Notification} is a {@link lt.smssafe.sms.PaidMessage}
 * for the engine. {@link lt.smssafe.sms.dialect.smssafe.NotificationRequest} builds and signs a notification as the
 * gateway sends it, for whoever plays the gateway (the signed-notification tool, the tests, the benchmark). The
 * builder and the signer need only the JDK and the {@code signing} kit: the signed-notification tool ships them.
 */
package lt.smssafe.sms.dialect.smssafe;
