package lt.smssafe.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import lt.smssafe.rates.Gateway;
import lt.smssafe.rates.Rate;
import lt.smssafe.rates.RateTable;
import org.junit.jupiter.api.Test;

/** N of a new session: the entry of the message's gateway, country and operator, else the messages key (§3, §5). */
class MessageCountTest {
    private static Rate entry(Gateway gateway, String operator, int messages) {
        return new Rate(gateway, "lt", "Lithuania", operator, operator, "1337", "SAFE", new BigDecimal("1.00"), "EUR",
                true, messages, List.of(), Optional.empty());
    }

    @Test
    void eachDialectTakesItsOwnGatewaysEntry() {
        RateTable rates = RateTable.of(1234, Optional.empty(), List.of(entry(Gateway.SMSSAFE, "bite_lt", 4),
                entry(Gateway.FORTUMO, "bite_lt", 2), entry(Gateway.PAYSERA, Rate.ALL_OPERATORS, 1)));
        MessageCount count = MessageCount.fromRates(() -> rates, 3);

        assertThat(count.forSender("smssafe", "lt", "bite_lt")).isEqualTo(4);
        assertThat(count.forSender("fortumo", "LT", "bite_lt")).isEqualTo(2);
        assertThat(count.forSender("paysera", "lt", "bite_lt")).as("Paysera's entry for all operators").isEqualTo(1);
        assertThat(count.forSender("fortumo", "lt", "tele2_lt")).as("no Fortumo entry: the messages key")
                .isEqualTo(3);
        assertThat(count.forSender("smssafe", "lt", "tele2_lt")).isEqualTo(3);
        assertThat(count.forSender("mbs", "lt", "bite_lt")).as("a dialect without rates").isEqualTo(3);
    }
}
