package lt.smssafe.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The immutable table and its rates, built directly rather than from XML. */
class RateTableTest {
    private static Rate rate(String country, String countryName, String provider) {
        return new Rate(country, countryName, provider, provider.toUpperCase(), "1337", "SAFE",
                new BigDecimal("1.45"), "EUR", true, 4, List.of());
    }

    @Test
    void emptyTableHasNoRates() {
        RateTable empty = RateTable.empty(1234);

        assertThat(empty.safe()).isEqualTo(1234);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.providerCount()).isZero();
        assertThat(empty.countries()).isEmpty();
        assertThat(empty.generated()).isEmpty();
        assertThat(empty.find("lt", "bite_lt")).isEmpty();
    }

    @Test
    void countriesSortedByNameAsPeopleReadThem() {
        RateTable table = RateTable.of(1234, Optional.of(Instant.EPOCH), List.of(rate("lv", "Latvia", "lmt_lv"),
                rate("cz", "Čekija", "o2_cz"), rate("cy", "Cyprus", "cyta_cy"), rate("lv", "Latvia", "bite_lv")));

        assertThat(table.countries()).extracting(RateTable.Country::name)
                .containsExactly("Čekija", "Cyprus", "Latvia");
        assertThat(table.countries().get(2).providers()).extracting(Rate::provider)
                .containsExactly("lmt_lv", "bite_lv");
        assertThat(table.providerCount()).isEqualTo(4);
        assertThat(table.isEmpty()).isFalse();
    }

    @Test
    void findIgnoresCaseAndNulls() {
        RateTable table = RateTable.of(1234, Optional.empty(), List.of(rate("lt", "Lithuania", "bite_lt")));

        assertThat(table.find("LT", "Bite_LT")).map(Rate::provider).contains("bite_lt");
        assertThat(table.find(null, "bite_lt")).isEmpty();
        assertThat(table.find("lt", null)).isEmpty();
    }

    @Test
    void sameProviderTwiceInACountryIsRefused() {
        assertThatThrownBy(() -> RateTable.of(1234, Optional.empty(),
                List.of(rate("lt", "Lithuania", "bite_lt"), rate("lt", "Lithuania", "bite_lt"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provider bite_lt is listed twice in country lt");
    }

    @Test
    void totalIsPriceTimesMessages() {
        assertThat(rate("lt", "Lithuania", "bite_lt").total()).isEqualTo(new BigDecimal("5.80"));
    }

    @Test
    void textToSendIsPrefixSafeAndContent() {
        Rate rate = rate("lt", "Lithuania", "bite_lt");

        assertThat(rate.textToSend(1234, "order-42")).isEqualTo("SAFE 1234 order-42");
        assertThat(rate.textToSend(1234, " order-42 ")).isEqualTo("SAFE 1234 order-42");
        assertThat(rate.textToSend(1234, "")).isEqualTo("SAFE 1234");
        assertThat(rate.textToSend(1234, "  ")).isEqualTo("SAFE 1234");
        assertThat(rate.textToSend(1234, null)).isEqualTo("SAFE 1234");
    }

    @Test
    void rateRefusesImpossibleValues() {
        assertThatThrownBy(() -> new Rate("lt", "Lithuania", "bite_lt", "Bitė", "1337", "SAFE",
                new BigDecimal("-0.01"), "EUR", true, 4, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("price must not be negative, not -0.01");
        assertThatThrownBy(() -> new Rate("lt", "Lithuania", "bite_lt", "Bitė", "1337", "SAFE",
                BigDecimal.ONE, "EUR", true, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("messages must be 1-100, not 0");
    }
}
