package lt.smssafe.mbs;

import java.util.Locale;

/** Where a transaction's money is (the wire's {@code status}, lower case there). */
public enum TransactionStatus {
    /** Held: {@code commitTransaction} takes it, {@code rollBackTransaction} gives it back. */
    RESERVE,
    /** Taken: the service is paid. */
    COMMIT,
    /** Given back. */
    ROLLBACK,
    /** The account could not be charged; the transaction's state says why. */
    FAIL;

    /** The name on the wire (and in billing reports): the constant's, in lower case, e.g. {@code commit}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name the WSDL does not define, naming it */
    public static TransactionStatus fromWire(String name) {
        return WireNames.find(values(), TransactionStatus::wireName, name, "status");
    }
}
