package lt.smssafe.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import lt.smssafe.sms.dialect.fortumo.FortumoDialect;
import lt.smssafe.sms.dialect.paysera.PayseraDialect;
import lt.smssafe.sms.dialect.smssafe.Notification;
import org.junit.jupiter.api.Test;

class GatewayTest {
    @Test
    void eachGatewaysCodeIsTheNameItsDialectStores() {
        assertThat(Arrays.stream(Gateway.values()).map(Gateway::code))
                .containsExactly(Notification.DIALECT, FortumoDialect.NAME, PayseraDialect.NAME)
                .containsExactly("smssafe", "fortumo", "paysera");
        assertThat(Gateway.ofCode("fortumo")).contains(Gateway.FORTUMO);
        assertThat(Gateway.ofCode("Fortumo")).isEmpty();
    }
}
