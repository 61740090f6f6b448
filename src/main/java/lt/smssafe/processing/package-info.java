/**
 * The use case behind {@code /result}: a verified notification becomes a stored message, a change to its payment
 * session and the reply SMS, exactly once, in one transaction that serializes all messages of one phone.
 * Parsing and verification happen before (package {@code notify}); the payment action runs after
 * (package {@code action}).
 */
package lt.smssafe.processing;
