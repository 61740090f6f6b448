package lt.smssafe.sms.dialect.smssafe;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the sms:safe gateway signs a notification (docs/protocol.md §2); chosen by the {@code signature} key. */
public enum SignatureScheme {
    /** {@code hex(HMAC-SHA256(key = passkey, data = canonical))}, the default. */
    HMAC_SHA256,
    /** {@code hex(MD5(passkey + "::" + canonical))}, for legacy gateways only. */
    MD5;

    /** The name used in configuration: the constant's, in lower case with a hyphen, e.g. {@code hmac-sha256}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static SignatureScheme parse(String value) {
        return Arrays.stream(values()).filter(scheme -> scheme.configName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.stream(values())
                        .map(SignatureScheme::configName).collect(Collectors.joining(", ")) + ", not '" + value
                        + "'"));
    }
}
