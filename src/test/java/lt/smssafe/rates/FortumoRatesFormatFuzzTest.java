package lt.smssafe.rates;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The reading of Fortumo's service-data XML (docs/protocol.md §5) under fuzzed bytes: Fortumo entries of the configured
 * service, or {@link InvalidRatesException} saying why, never another exception (which would leave a refresh failed
 * without a reason on {@code /cron}). In the suite it runs the inputs in {@code FortumoRatesFormatFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes it.
 */
class FortumoRatesFormatFuzzTest {
    private static final long SAFE = 1234;
    private static final String SERVICE = "f9482620cd62d78dcf834398bdd4139e";

    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({"<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<services_api_response version=\"2.0\">",
        "</services_api_response>", "<status><code>0</code></status>", "<service id=\"" + SERVICE + "\">",
        "</service>", "<countries>", "</countries>", "<country", "</country>", "code=\"EE\"", "name=\"",
        "approved=\"false\"", "<prices>", "</prices>", "<price", "</price>", "amount=\"0.32\"", "currency=\"EUR\"",
        "vat_included=\"true\"", "<message_profile", "</message_profile>", "shortcode=\"1311\"",
        "keyword=\"TXT SAFE\"", "<operator", "</operator>", "<codes>", "<promotional_text>", "<local>", "<english>",
        "<![CDATA[", "]]>", "&amp;", "&#x", "<!DOCTYPE"})
    void aServiceDataFileIsFortumoEntriesOrRefusedWithItsReason(byte[] xml) {
        try {
            RateTable table = FortumoRatesFormat.parse(xml, SAFE, Optional.of(SERVICE), 3);
            for (RateTable.Country country : table.countries()) {
                assertThat(country.code()).matches("[a-z]{2}");
                for (Rate rate : country.entries()) {
                    assertThat(rate.gateway()).isEqualTo(Gateway.FORTUMO);
                    assertThat(rate.operator()).matches("\\*|[a-z0-9_]{1,32}");
                    assertThat(rate.shortcode()).matches("[0-9]{1,15}");
                    assertThat(rate.textToSend(SAFE, "x")).isEqualTo(rate.prefix() + " x").doesNotContain("1234");
                    assertThat(rate.price()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
                    assertThat(rate.price().scale()).isBetween(2, 4);
                    assertThat(rate.messages()).isEqualTo(3);
                    assertThat(table.find(Gateway.FORTUMO, country.code(), rate.operator())).contains(rate);
                }
            }
        } catch (InvalidRatesException refused) {
            // the reason is what the admin reads on /cron
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
