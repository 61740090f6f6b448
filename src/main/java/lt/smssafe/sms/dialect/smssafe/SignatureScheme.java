package lt.smssafe.sms.dialect.smssafe;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the sms:safe gateway signs a notification (docs/protocol.md §2); chosen by the {@code signature} key. */
public enum SignatureScheme {
    /** {@code hex(HMAC-SHA256(key = passkey, data = canonical))}, the default. */
    HMAC_SHA256("hmac-sha256"),
    /** {@code hex(MD5(passkey + "::" + canonical))}, for legacy gateways only. */
    MD5("md5");

    private final String configName;

    SignatureScheme(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration, e.g. {@code hmac-sha256}. */
    public String configName() {
        return configName;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static SignatureScheme parse(String value) {
        for (SignatureScheme scheme : values()) {
            if (scheme.configName.equals(value)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("must be one of " + Arrays.stream(values())
                .map(SignatureScheme::configName).collect(Collectors.joining(", ")) + ", not '" + value + "'");
    }
}
