package lt.smssafe.sms.dialect.paysera;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import lt.smssafe.sms.dialect.TestPolicy;

/**
 * The {@code paysera.*} keys: the project id and password (both switch {@code /paysera} on), Paysera's RSA public
 * key for {@code ss2}/{@code ss3} (without it only {@code ss1} and the encrypted form can be checked; with it
 * {@code ss1} alone is refused), and what test messages get. The password is never shown by {@link #toString()}.
 */
public record PayseraConfig(long projectId, String password, Optional<PublicKey> publicKey, TestPolicy test) {
    public PayseraConfig {
        if (projectId <= 0) {
            throw new IllegalArgumentException("the Paysera project id must be positive, not " + projectId);
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the Paysera project password is required");
        }
        Objects.requireNonNull(publicKey, "public key (Optional.empty() for none)");
        Objects.requireNonNull(test, "test policy");
    }

    @Override
    public String toString() {
        return "PayseraConfig[projectId=" + projectId + ", password=(hidden), publicKey="
                + (publicKey.isPresent() ? "set" : "none") + ", test=" + test + "]";
    }
}
