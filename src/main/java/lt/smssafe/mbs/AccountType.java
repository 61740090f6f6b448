package lt.smssafe.mbs;

import java.util.Locale;

/** How the subscriber pays the operator (the wire's {@code account_type}). */
public enum AccountType {
    /** Pays in advance: the platform reserves the price from the balance and refuses when it is too low. */
    PREPAID,
    /** Pays the operator's invoice afterwards. */
    POSTPAID,
    /** The operator did not say. */
    UNKNOWN,
    /** A test account of the platform: nobody is charged. */
    TESTING;

    /** The name on the wire (and in billing reports): the constant's, in lower case, e.g. {@code prepaid}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name the WSDL does not define, naming it */
    public static AccountType fromWire(String name) {
        return WireNames.find(values(), AccountType::wireName, name, "account_type");
    }
}
