package lt.smssafe.rates;

import java.util.Locale;
import java.util.Optional;

/**
 * The SMS gateway a rates entry belongs to (docs/protocol.md §5, "Rates per gateway"): a message of a gateway's dialect
 * matches that gateway's entries only, and the text the buyer sends differs per gateway. The codes are the dialects'
 * names, as {@code local.xml}'s {@code gateway} attribute and the database spell them.
 */
public enum Gateway {
    /** The sms:safe gateway of {@code /result}: the text is {@code <prefix> <safe> <content>}. */
    SMSSAFE("sms:safe"),
    /** Fortumo's {@code /fortumo}: the text is {@code <keyword> <content>}. */
    FORTUMO("Fortumo"),
    /** Paysera's {@code /paysera}: the text is {@code <keyword> <content>}. */
    PAYSERA("Paysera");

    private final String displayName;

    Gateway(String displayName) {
        this.displayName = displayName;
    }

    /** The dialect's name, as stored: the constant's in lower case, e.g. {@code fortumo}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name a buyer knows, e.g. {@code Fortumo}. */
    public String displayName() {
        return displayName;
    }

    /** Whether the buyer types the safe id after the prefix: only for sms:safe, which routes by it. */
    public boolean textNamesTheSafe() {
        return this == SMSSAFE;
    }

    /** The gateway of a dialect's name; empty for a name no rates entry can have. */
    public static Optional<Gateway> ofCode(String code) {
        for (Gateway gateway : values()) {
            if (gateway.code().equals(code)) {
                return Optional.of(gateway);
            }
        }
        return Optional.empty();
    }
}
