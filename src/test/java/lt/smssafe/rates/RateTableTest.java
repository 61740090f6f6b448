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
    private static Rate rate(String country, String countryName, String operator) {
        return new Rate(country, countryName, operator, operator.toUpperCase(), "1337", "SAFE",
                new BigDecimal("1.45"), "EUR", true, 4, List.of());
    }

    @Test
    void emptyTableHasNoRates() {
        RateTable empty = RateTable.empty(1234);

        assertThat(empty.safe()).isEqualTo(1234);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.entryCount()).isZero();
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
        assertThat(table.countries().get(2).entries()).extracting(Rate::operator)
                .containsExactly("lmt_lv", "bite_lv");
        assertThat(table.entryCount()).isEqualTo(4);
        assertThat(table.isEmpty()).isFalse();
    }

    @Test
    void findIgnoresCaseAndNulls() {
        RateTable table = RateTable.of(1234, Optional.empty(), List.of(rate("lt", "Lithuania", "bite_lt")));

        assertThat(table.find("LT", "Bite_LT")).map(Rate::operator).contains("bite_lt");
        assertThat(table.find(null, "bite_lt")).isEmpty();
        assertThat(table.find("lt", null)).isEmpty();
    }

    @Test
    void sameOperatorTwiceInACountryIsRefused() {
        assertThatThrownBy(() -> RateTable.of(1234, Optional.empty(),
                List.of(rate("lt", "Lithuania", "bite_lt"), rate("lt", "Lithuania", "bite_lt"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provider bite_lt of smssafe is listed twice in country lt");
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

    private static Rate entry(Gateway gateway, String country, String operator, String shortcode, int messages,
            List<String> notes) {
        return new Rate(gateway, country, country.toUpperCase(), operator, operator.toUpperCase(), shortcode,
                gateway == Gateway.SMSSAFE ? "SAFE" : "TXT SAFE", new BigDecimal("1.45"), "EUR", true, messages, notes,
                Optional.empty());
    }

    @Test
    void aMessageMatchesTheEntriesOfItsOwnGatewayOnly() {
        Rate smsSafe = entry(Gateway.SMSSAFE, "lt", "bite_lt", "1337", 4, List.of());
        Rate fortumo = entry(Gateway.FORTUMO, "lt", "bite_lt", "1398", 2, List.of());
        Rate paysera = entry(Gateway.PAYSERA, "lt", "tele2_lt", "1679", 1, List.of());
        RateTable table = RateTable.of(1234, Optional.empty(), List.of(smsSafe, fortumo, paysera));

        assertThat(table.find(Gateway.SMSSAFE, "lt", "bite_lt")).contains(smsSafe);
        assertThat(table.find(Gateway.FORTUMO, "LT", "BITE_LT")).contains(fortumo);
        assertThat(table.find(Gateway.PAYSERA, "lt", "bite_lt")).isEmpty();
        assertThat(table.find(Gateway.PAYSERA, "lt", "tele2_lt")).contains(paysera);
        assertThat(table.find(Gateway.SMSSAFE, "lt", "tele2_lt")).isEmpty();
        assertThat(table.find("lt", "bite_lt")).as("/result's messages are sms:safe's").contains(smsSafe);
        assertThat(table.entryCount()).isEqualTo(3);
    }

    @Test
    void anAllOperatorsEntryMatchesEveryOperatorWithoutItsOwnEntryOfThatGateway() {
        Rate all = entry(Gateway.FORTUMO, "ee", Rate.ALL_OPERATORS, "1311", 3, List.of());
        Rate elisa = entry(Gateway.FORTUMO, "ee", "elisa", "1312", 2, List.of());
        RateTable table = RateTable.of(1234, Optional.empty(), List.of(all, elisa));

        assertThat(table.find(Gateway.FORTUMO, "ee", "telia")).contains(all);
        assertThat(table.find(Gateway.FORTUMO, "ee", "elisa")).contains(elisa);
        assertThat(table.find(Gateway.SMSSAFE, "ee", "telia")).isEmpty();
        assertThat(table.find(Gateway.FORTUMO, "lv", "lmt")).isEmpty();
    }

    @Test
    void theTextNamesTheSafeForSmsSafeOnly() {
        assertThat(entry(Gateway.SMSSAFE, "lt", "bite_lt", "1337", 1, List.of()).textToSend(1234, "order-42"))
                .isEqualTo("SAFE 1234 order-42");
        assertThat(entry(Gateway.FORTUMO, "lt", "bite_lt", "1337", 1, List.of()).textToSend(1234, "order-42"))
                .isEqualTo("TXT SAFE order-42");
        assertThat(entry(Gateway.PAYSERA, "lt", "bite_lt", "1337", 1, List.of()).textToSend(1234, null))
                .isEqualTo("TXT SAFE");
    }

    @Test
    void fortumosEntriesTakeNAndNotesFromLocalXmlsFortumoEntryOfTheSameOperatorAndReplaceIt() {
        Rate localFortumo = entry(Gateway.FORTUMO, "ee", "elisa", "9999", 5, List.of("Elisa only."));
        Rate localOnlyFortumo = entry(Gateway.FORTUMO, "lv", "lmt", "1899", 2, List.of());
        Rate smsSafe = entry(Gateway.SMSSAFE, "ee", "elisa", "1337", 4, List.of());
        RateTable local = RateTable.of(1234, Optional.of(Instant.parse("2026-11-22T10:00:00Z")),
                List.of(localFortumo, localOnlyFortumo, smsSafe));
        Rate elisa = entry(Gateway.FORTUMO, "ee", "elisa", "1311", 3, List.of());
        Rate telia = entry(Gateway.FORTUMO, "ee", "telia", "1311", 3, List.of());
        RateTable fortumo = RateTable.of(1234, Optional.empty(), List.of(elisa, telia));

        RateTable both = local.withFortumo(fortumo);

        assertThat(both.find(Gateway.FORTUMO, "ee", "elisa")).hasValueSatisfying(rate -> {
            assertThat(rate.shortcode()).as("Fortumo's number").isEqualTo("1311");
            assertThat(rate.messages()).as("local.xml's N").isEqualTo(5);
            assertThat(rate.notes()).containsExactly("Elisa only.");
        });
        assertThat(both.find(Gateway.FORTUMO, "ee", "telia")).contains(telia);
        assertThat(both.find(Gateway.FORTUMO, "lv", "lmt")).as("not in Fortumo's file: local.xml's stays")
                .contains(localOnlyFortumo);
        assertThat(both.find(Gateway.SMSSAFE, "ee", "elisa")).contains(smsSafe);
        assertThat(both.entryCount()).isEqualTo(4);
        assertThat(both.generated()).isEqualTo(local.generated());
        assertThat(local.withFortumo(RateTable.empty(1234))).isSameAs(local);
    }

    @Test
    void theGatewayIsNamedOnlyWhereAnotherGatewayServesTheSameOperator() {
        Rate smsSafeBite = entry(Gateway.SMSSAFE, "lt", "bite_lt", "1337", 4, List.of());
        Rate fortumoBite = entry(Gateway.FORTUMO, "lt", "bite_lt", "1398", 2, List.of());
        Rate smsSafeTele2 = entry(Gateway.SMSSAFE, "lt", "tele2_lt", "1338", 2, List.of());
        Rate payseraAll = entry(Gateway.PAYSERA, "ee", Rate.ALL_OPERATORS, "1679", 1, List.of());
        Rate smsSafeElisa = entry(Gateway.SMSSAFE, "ee", "elisa", "1337", 4, List.of());
        Rate fortumoTelia = entry(Gateway.FORTUMO, "lv", "lmt", "1311", 3, List.of());
        RateTable table = RateTable.of(1234, Optional.empty(),
                List.of(smsSafeBite, fortumoBite, smsSafeTele2, payseraAll, smsSafeElisa, fortumoTelia));
        RateTable.Country lithuania = table.countries().stream().filter(c -> c.code().equals("lt")).findFirst()
                .orElseThrow();
        RateTable.Country estonia = table.countries().stream().filter(c -> c.code().equals("ee")).findFirst()
                .orElseThrow();
        RateTable.Country latvia = table.countries().stream().filter(c -> c.code().equals("lv")).findFirst()
                .orElseThrow();

        assertThat(lithuania.namesGateway(smsSafeBite)).isTrue();
        assertThat(lithuania.namesGateway(fortumoBite)).isTrue();
        assertThat(lithuania.namesGateway(smsSafeTele2)).isFalse();
        assertThat(estonia.namesGateway(payseraAll)).isTrue();
        assertThat(estonia.namesGateway(smsSafeElisa)).isTrue();
        assertThat(latvia.namesGateway(fortumoTelia)).as("Fortumo alone in Latvia").isFalse();
        assertThat(lithuania.entriesFor("BITE_LT")).containsExactly(smsSafeBite, fortumoBite);
    }
}
