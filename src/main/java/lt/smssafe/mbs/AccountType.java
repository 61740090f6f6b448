package lt.smssafe.mbs;

/** How the subscriber pays the operator (the wire's {@code account_type}). */
public enum AccountType {
    /** Pays in advance: the platform reserves the price from the balance and refuses when it is too low. */
    PREPAID("prepaid"),
    /** Pays the operator's invoice afterwards. */
    POSTPAID("postpaid"),
    /** The operator did not say. */
    UNKNOWN("unknown"),
    /** A test account of the platform: nobody is charged. */
    TESTING("testing");

    private final String wireName;

    AccountType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, e.g. {@code prepaid}. */
    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException for a name the WSDL does not define, naming it */
    public static AccountType fromWire(String name) {
        for (AccountType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown account_type '" + name + "'");
    }
}
