package lt.smssafe.mbs;

/** Where a transaction's money is (the wire's {@code status}, lower case there). */
public enum TransactionStatus {
    /** Held: {@code commitTransaction} takes it, {@code rollBackTransaction} gives it back. */
    RESERVE("reserve"),
    /** Taken: the service is paid. */
    COMMIT("commit"),
    /** Given back. */
    ROLLBACK("rollback"),
    /** The account could not be charged; the transaction's state says why. */
    FAIL("fail");

    private final String wireName;

    TransactionStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in billing reports, e.g. {@code commit}. */
    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException for a name the WSDL does not define, naming it */
    public static TransactionStatus fromWire(String name) {
        for (TransactionStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + name + "'");
    }
}
