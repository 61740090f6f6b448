package lt.smssafe.sms.dialect.fortumo;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import lt.smssafe.signing.Signatures;

/**
 * Fortumo's request signature (docs/protocol.md §8.1): every received parameter except {@code sig}, URL-decoded as
 * UTF-8, sorted by name, written {@code name=value} one after another with no separator, then the service's secret
 * appended: {@code sig = hex(MD5(that string))}. Empty values and parameters we do not otherwise read are signed
 * too, so that nothing the gateway sent can be changed unseen. The endpoint verifies with it; {@link FortumoRequest}
 * signs with it for the sandbox, the signed-notification tool and the tests.
 */
public final class FortumoSigner {
    /** The parameter that carries the signature and is itself not signed. */
    public static final String SIG = "sig";

    private final String secret;

    /** @param secret the service's secret from Fortumo's dashboard ({@code fortumo.secret}) */
    public FortumoSigner(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the Fortumo secret is required");
        }
        this.secret = secret;
    }

    /** The signature of these parameters, lower-case hex; {@code sig} among them is left out. */
    public String sign(Map<String, String> parameters) {
        StringBuilder signed = new StringBuilder();
        // names compare as Fortumo's own code sorts them: by character, which for its ASCII names is byte order
        new TreeMap<>(Objects.requireNonNull(parameters, "parameters")).forEach((name, value) -> {
            if (!SIG.equals(name)) {
                signed.append(name).append('=').append(value == null ? "" : value);
            }
        });
        return Signatures.md5Hex(signed.append(secret).toString());
    }

    /** Whether {@code sig} among these parameters is their signature, in either letter case. */
    public boolean verify(Map<String, String> parameters) {
        return Signatures.hexMatches(sign(parameters), parameters.get(SIG));
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "FortumoSigner[secret=(hidden)]";
    }
}
