package lt.smssafe.rates;

/**
 * The feed could not be fetched: no answer, a status other than 200, an unreadable file. The message names the
 * source without its query string (which may carry the gateway's token), e.g.
 * {@code HTTP 500 from https://rates.example/1234/en}.
 */
final class RatesFetchException extends Exception {
    private static final long serialVersionUID = 1L;

    RatesFetchException(String reason) {
        super(reason);
    }
}
