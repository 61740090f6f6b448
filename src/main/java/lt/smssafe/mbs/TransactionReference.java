package lt.smssafe.mbs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which MBS transaction: the platform's transaction id is unique per platform, the service id says whose. Written
 * {@code <service id>:<transaction id>} (e.g. {@code 41:2456}) wherever it is stored or shown as one text — the
 * payment action's idempotency key — and read back only by {@link #parse}.
 */
public record TransactionReference(long serviceId, long transactionId) {
    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,17}):([1-9][0-9]{0,17})");

    public TransactionReference {
        if (serviceId <= 0 || transactionId <= 0) {
            throw new IllegalArgumentException("service and transaction ids must be positive, not " + serviceId
                    + " and " + transactionId);
        }
    }

    /** The reference of this transaction. */
    public static TransactionReference of(Transaction transaction) {
        return new TransactionReference(transaction.serviceId(), transaction.transactionId());
    }

    /**
     * Reads {@code <service id>:<transaction id>}.
     *
     * @throws IllegalArgumentException when the text is not in that form
     */
    public static TransactionReference parse(String text) {
        Matcher matcher = text == null ? null : FORM.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("not an MBS transaction reference (<service id>:<transaction id>): '"
                    + text + "'");
        }
        return new TransactionReference(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    /** {@code <service id>:<transaction id>}. */
    @Override
    public String toString() {
        return serviceId + ":" + transactionId;
    }
}
