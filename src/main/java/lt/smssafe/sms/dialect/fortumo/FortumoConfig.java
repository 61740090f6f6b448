package lt.smssafe.sms.dialect.fortumo;

import java.util.Objects;
import java.util.Optional;
import lt.smssafe.sms.dialect.TestPolicy;

/**
 * The {@code fortumo.*} keys: the service's secret (which switches {@code /fortumo} on), the service id the requests
 * must carry when it is set, and what test messages get. The secret is never shown by {@link #toString()}.
 */
public record FortumoConfig(String secret, Optional<String> serviceId, TestPolicy test) {
    public FortumoConfig {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the Fortumo secret is required");
        }
        Objects.requireNonNull(serviceId, "service id (Optional.empty() for any)");
        Objects.requireNonNull(test, "test policy");
    }

    @Override
    public String toString() {
        return "FortumoConfig[secret=(hidden), serviceId=" + serviceId.orElse("any") + ", test=" + test + "]";
    }
}
