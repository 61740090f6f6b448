package lt.smssafe.mbs;

/** What the platform sends the charged subscriber (the wire's {@code mt_type}). */
public enum MtType {
    /** A text message: {@code mt_text}. */
    SMS,
    /** A WAP push: a title ({@code mt_text}) and a link ({@code mt_url}). */
    WAP_PUSH;

    /** The name on the wire: {@code SMS} or {@code WapPush}. */
    public String wireName() {
        return this == SMS ? "SMS" : "WapPush";
    }

    /** @throws IllegalArgumentException for a name the WSDL does not define, naming it */
    public static MtType fromWire(String name) {
        return WireNames.find(values(), MtType::wireName, name, "mt_type");
    }
}
