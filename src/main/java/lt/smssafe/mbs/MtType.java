package lt.smssafe.mbs;

/** What the platform sends the charged subscriber (the wire's {@code mt_type}). */
public enum MtType {
    /** A text message: {@code mt_text}. */
    SMS("SMS"),
    /** A WAP push: a title ({@code mt_text}) and a link ({@code mt_url}). */
    WAP_PUSH("WapPush");

    private final String wireName;

    MtType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire: {@code SMS} or {@code WapPush}. */
    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException for a name the WSDL does not define, naming it */
    public static MtType fromWire(String name) {
        for (MtType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown mt_type '" + name + "'");
    }
}
