package lt.smssafe.rates;

/**
 * A rates document that must not replace the current rates: not well-formed, not valid against {@code rates.xsd},
 * for another safe, or without any operator ({@code <provider>}). The message is the reason as the admin reads it on
 * the cron page, e.g. {@code line 5: cvc-pattern-valid: Value 'LT' is not facet-valid …} or
 * {@code the feed is for safe 999, not 1234}.
 */
public final class InvalidRatesException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, with the value that is wrong */
    public InvalidRatesException(String reason) {
        super(reason);
    }
}
