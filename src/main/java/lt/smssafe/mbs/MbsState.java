package lt.smssafe.mbs;

/**
 * The states the platform gives a transaction or a refusal ({@code mbs-direct.wsdl} lists them with how each
 * travels), and the two the client adds for failures that never reached the platform's logic. The platform may
 * add states, so they are strings, not an enum: any state other than {@link #OK} is a failure.
 */
public final class MbsState {
    /** No error: reserved, committed or rolled back as asked. */
    public static final String OK = "ok";
    /** A transaction in {@code fail}: the prepaid balance is below the price. */
    public static final String INSUFFICIENT_FUNDS = "insufficient_funds";
    /** A transaction in {@code fail}: too many bills for this account within the platform's window. */
    public static final String FREQUENCY_LIMIT = "frequency_limit";
    /** A fault: no account with this id, or with this phone number at this operator. */
    public static final String ACCOUNT_NOT_FOUND = "account_not_found";
    /** A fault: no transaction with this id belongs to this service. */
    public static final String TRANSACTION_NOT_FOUND = "transaction_not_found";
    /** A fault: the operator does not allow a rollback; the transaction stays reserved. */
    public static final String ROLLBACK_NOT_ALLOWED = "rollback_not_allowed";
    /** A fault: commit or rollback of a transaction that is no longer reserved. */
    public static final String INVALID_STATUS = "invalid_status";
    /** A fault: a value is missing or malformed; the description names it. */
    public static final String INVALID_REQUEST = "invalid_request";

    /**
     * Client side: the platform refused our credentials (HTTP 401 or 403), so the service id or secret key is
     * wrong. Never on the wire.
     */
    public static final String UNAUTHORIZED = "unauthorized";
    /**
     * Client side: no usable answer — connection refused, a timeout, an HTTP error without a SOAP fault, the
     * platform's own internal error or an answer this client cannot read. Trying again later may help. Never on the
     * wire.
     */
    public static final String UNAVAILABLE = "unavailable";

    private MbsState() {
    }
}
