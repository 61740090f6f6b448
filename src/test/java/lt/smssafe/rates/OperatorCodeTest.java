package lt.smssafe.rates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/protocol.md §8's operator rule, one case per part of it. */
class OperatorCodeTest {
    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
        "Tele2 LT|tele2_lt",
        "BITE|bite",
        "Bitė|bit",
        "  --Telia -- Lietuva--  |telia_lietuva",
        "O2.cz|o2_cz",
        "T-Mobile (DE)|t_mobile_de",
        "bite_lt|bite_lt",
        "''|unknown",
        "'   '|unknown",
        "'---'|unknown",
        "abcdefghijklmnopqrstuvwxyz012345678|abcdefghijklmnopqrstuvwxyz012345",
        "abcdefghijklmnopqrstuvwxyz01234 6789|abcdefghijklmnopqrstuvwxyz01234",
    })
    void anOperatorNameBecomesAnOperatorCode(String name, String code) {
        assertThat(OperatorCode.of(name)).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = "null")
    void noNameIsUnknown(String name) {
        assertThat(OperatorCode.of(name)).isEqualTo("unknown");
    }
}
