package lt.smssafe.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/** RSA key pairs for playing Paysera, whose {@code ss2}/{@code ss3} are RSA signatures. */
public final class RsaKeys {
    private RsaKeys() {
    }

    /** A new 2048-bit pair: the private half signs as Paysera, the public half is the site's key. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA, which every Java runtime must provide, is unavailable", e);
        }
    }
}
