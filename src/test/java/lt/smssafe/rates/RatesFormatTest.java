package lt.smssafe.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema {@code rates.xsd} and its JAXB reading: what docs/protocol.md §5 accepts, and the reason given for each
 * kind of file it refuses. Every invalid file is the protocol's example with one thing changed.
 */
class RatesFormatTest {
    private static final long SAFE = 1234;

    static byte[] resource(String name) {
        try (InputStream in = RatesFormatTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String example() {
        return new String(resource("example.xml"), StandardCharsets.UTF_8);
    }

    /** The example with {@code from} replaced by {@code to}, exactly once. */
    private static byte[] exampleWith(String from, String to) {
        String example = example();
        assertThat(example).containsOnlyOnce(from);
        return example.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private static String reasonFor(byte[] xml) {
        try {
            RatesFormat.parse(xml, SAFE);
        } catch (InvalidRatesException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + new String(xml, StandardCharsets.UTF_8));
    }

    @Test
    void protocolExampleReadsAsItsRate() throws InvalidRatesException {
        RateTable table = RatesFormat.parse(resource("example.xml"), SAFE);

        assertThat(table.safe()).isEqualTo(SAFE);
        assertThat(table.generated()).contains(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(table.entryCount()).isEqualTo(1);
        assertThat(table.countries()).singleElement().satisfies(country -> {
            assertThat(country.code()).isEqualTo("lt");
            assertThat(country.name()).isEqualTo("Lithuania");
        });
        Rate bite = new Rate("lt", "Lithuania", "bite_lt", "Bitė", "1337", "SAFE", new BigDecimal("1.45"), "EUR",
                true, 4, List.of("Only for Bitė subscribers."));
        assertThat(table.countries().get(0).entries()).containsExactly(bite);
        assertThat(table.find("lt", "bite_lt")).contains(bite);
        assertThat(bite.total()).isEqualByComparingTo("5.80");
        assertThat(bite.textToSend(SAFE, "order-42")).isEqualTo("SAFE 1234 order-42");
    }

    @Test
    void twoCountriesThreeProviders() throws InvalidRatesException {
        RateTable table = RatesFormat.parse(resource("two-countries.xml"), SAFE);

        assertThat(table.generated()).contains(Instant.parse("2026-11-22T10:30:00Z"));
        assertThat(table.entryCount()).isEqualTo(3);
        assertThat(table.countries()).extracting(RateTable.Country::name).containsExactly("Latvia", "Lithuania");
        assertThat(table.countries().get(1).entries()).extracting(Rate::operator)
                .containsExactly("bite_lt", "tele2_lt");

        Rate tele2 = table.find("LT", "TELE2_LT").orElseThrow();
        assertThat(tele2.shortcode()).isEqualTo("1398");
        assertThat(tele2.price()).isEqualTo(new BigDecimal("2.00"));
        assertThat(tele2.vatIncluded()).isFalse();
        assertThat(tele2.notes()).isEmpty();
        assertThat(tele2.total()).isEqualTo(new BigDecimal("6.00"));

        Rate lmt = table.find("lv", "lmt_lv").orElseThrow();
        assertThat(lmt.countryName()).isEqualTo("Latvia");
        assertThat(lmt.prefix()).isEqualTo("PAY");
        assertThat(lmt.price()).isEqualTo(new BigDecimal("0.50"));
        assertThat(lmt.messages()).isEqualTo(100);
        assertThat(lmt.notes()).containsExactly("Ask your parents first.", "Price per message.",
                "Support: +371 000 000.");
        assertThat(table.find("lt", "bite_lt").orElseThrow().notes()).hasSize(2);
        assertThat(table.find("ee", "bite_lt")).isEmpty();
        assertThat(table.find("lv", "bite_lt")).isEmpty();
    }

    @Test
    void generatedIsOptionalAndUtcWithoutAZone() throws InvalidRatesException {
        assertThat(RatesFormat.parse(exampleWith(" generated=\"2026-11-22T10:00:00Z\"", ""), SAFE).generated())
                .isEmpty();
        assertThat(RatesFormat.parse(exampleWith("10:00:00Z", "10:00:00"), SAFE).generated())
                .contains(Instant.parse("2026-11-22T10:00:00Z"));
    }

    /** Year 292278995 read back as year -292275054 before the schema asked for four digits. */
    @Test
    void generatedWithAYearOfMoreThanFourDigits() {
        assertThat(reasonFor(exampleWith("2026-11-22T10:00:00Z", "292278995-08-17T07:12:55Z")))
                .isEqualTo("line 2: cvc-pattern-valid: Value '292278995-08-17T07:12:55Z' is not facet-valid with "
                        + "respect to pattern '[0-9]{4}-.*' for type 'generatedTime'.");
    }

    @Test
    void generatedBeforeTheYearOne() {
        assertThat(reasonFor(exampleWith("2026-11-22T10:00:00Z", "-0001-01-01T00:00:00Z")))
                .isEqualTo("line 2: cvc-pattern-valid: Value '-0001-01-01T00:00:00Z' is not facet-valid with "
                        + "respect to pattern '[0-9]{4}-.*' for type 'generatedTime'.");
    }

    @Test
    void upperCaseCountryCode() {
        assertThat(reasonFor(exampleWith("code=\"lt\"", "code=\"LT\"")))
                .isEqualTo("line 3: cvc-pattern-valid: Value 'LT' is not facet-valid with respect to pattern "
                        + "'[a-z]{2}' for type 'countryCode'.");
    }

    @Test
    void badProviderCode() {
        assertThat(reasonFor(exampleWith("code=\"bite_lt\"", "code=\"bite-lt\"")))
                .isEqualTo("line 4: cvc-pattern-valid: Value 'bite-lt' is not facet-valid with respect to pattern "
                        + "'[a-z0-9_]{1,32}' for type 'providerCode'.");
    }

    @Test
    void negativePrice() {
        assertThat(reasonFor(exampleWith(">1.45<", ">-1.45<")))
                .isEqualTo("line 7: cvc-minInclusive-valid: Value '-1.45' is not facet-valid with respect to "
                        + "minInclusive '0.0' for type 'amount'.");
    }

    @Test
    void priceWithThreeFractionDigits() {
        assertThat(reasonFor(exampleWith(">1.45<", ">1.455<")))
                .isEqualTo("line 7: cvc-fractionDigits-valid: Value '1.455' has 3 fraction digits, but the "
                        + "number of fraction digits has been limited to 2.");
    }

    @Test
    void priceInExponentForm() {
        assertThat(reasonFor(exampleWith(">1.45<", ">1.45E0<")))
                .isEqualTo("line 7: cvc-datatype-valid.1.2.1: '1.45E0' is not a valid value for 'decimal'.");
    }

    @Test
    void noMessages() {
        assertThat(reasonFor(exampleWith("<messages>4<", "<messages>0<")))
                .isEqualTo("line 8: cvc-minInclusive-valid: Value '0' is not facet-valid with respect to "
                        + "minInclusive '1' for type 'messageCount'.");
    }

    @Test
    void tooManyMessages() {
        assertThat(reasonFor(exampleWith("<messages>4<", "<messages>101<")))
                .isEqualTo("line 8: cvc-maxInclusive-valid: Value '101' is not facet-valid with respect to "
                        + "maxInclusive '100' for type 'messageCount'.");
    }

    @Test
    void unknownElement() {
        assertThat(reasonFor(exampleWith("<messages>4</messages>", "<messages>4</messages><fax>1</fax>")))
                .isEqualTo("line 8: cvc-complex-type.2.4.a: Invalid content was found starting with element "
                        + "'fax'. One of '{note}' is expected.");
    }

    @Test
    void missingPrefix() {
        assertThat(reasonFor(exampleWith("<prefix>SAFE</prefix>", "")))
                .isEqualTo("line 7: cvc-complex-type.2.4.a: Invalid content was found starting with element "
                        + "'price'. One of '{prefix}' is expected.");
    }

    @Test
    void anotherSafe() {
        assertThat(reasonFor(exampleWith("safe=\"1234\"", "safe=\"999\"")))
                .isEqualTo("the feed is for safe 999, not 1234");
    }

    @Test
    void noProviders() {
        assertThat(reasonFor("<rates safe=\"1234\" generated=\"2026-11-22T10:00:00Z\"/>"
                .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("the feed lists no providers");
    }

    @Test
    void notWellFormed() {
        assertThat(reasonFor(exampleWith("    </provider>\n", "")))
                .isEqualTo("not well-formed XML: line 10: The element type \"provider\" must be terminated by the "
                        + "matching end-tag \"</provider>\".");
    }

    @Test
    void externalEntityIsNeverRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
        String xxe = example()
                .replace("<rates ", "<!DOCTYPE rates [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<rates ")
                .replace("<note>Only for Bitė subscribers.</note>", "<note>&xxe;</note>");

        String reason = reasonFor(xxe.getBytes(StandardCharsets.UTF_8));

        assertThat(reason).doesNotContain("TOP-SECRET-42")
                .isEqualTo("line 2: a DOCTYPE is not allowed in rates (no DTDs, no entities)");
    }

    @Test
    void externalDtdIsNeverFetched() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String dtd = "http://127.0.0.1:" + server.getAddress().getPort() + "/rates.dtd";
            byte[] xml = example().replace("<rates ", "<!DOCTYPE rates SYSTEM \"" + dtd + "\">\n<rates ")
                    .getBytes(StandardCharsets.UTF_8);

            assertThat(reasonFor(xml)).isEqualTo("line 2: a DOCTYPE is not allowed in rates (no DTDs, no entities)");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void countryCodeTwice() {
        String lv = "  <country code=\"lt\" name=\"Latvia\">\n"
                + "    <provider code=\"lmt_lv\" name=\"LMT\"><shortcode>1</shortcode><prefix>P</prefix>"
                + "<price currency=\"EUR\" vat=\"included\">1</price><messages>1</messages></provider>\n"
                + "  </country>\n</rates>";
        assertThat(reasonFor(exampleWith("</rates>", lv)))
                .isEqualTo("line 12: cvc-identity-constraint.4.1: Duplicate unique value [lt] declared for identity "
                        + "constraint \"uniqueCountryCode\" of element \"rates\".");
    }

    @Test
    void providerCodeTwiceInOneCountry() {
        String again = "</provider>\n    <provider code=\"bite_lt\" name=\"Bitė again\"><shortcode>1</shortcode>"
                + "<prefix>P</prefix><price currency=\"EUR\" vat=\"included\">1</price><messages>1</messages>"
                + "</provider>";
        assertThat(reasonFor(exampleWith("</provider>", again)))
                .isEqualTo("line 11: cvc-identity-constraint.4.1: Duplicate unique value [smssafe,bite_lt] declared "
                        + "for identity constraint \"uniqueProviderCode\" of element \"country\".");
    }

    @Test
    void sameProviderCodeInTwoCountriesIsFine() throws InvalidRatesException {
        String lv = "  <country code=\"lv\" name=\"Latvia\">\n"
                + "    <provider code=\"bite_lt\" name=\"Bitė\"><shortcode>1</shortcode><prefix>P</prefix>"
                + "<price currency=\"EUR\" vat=\"included\">1</price><messages>1</messages></provider>\n"
                + "  </country>\n</rates>";
        RateTable table = RatesFormat.parse(exampleWith("</rates>", lv), SAFE);

        assertThat(table.find("lv", "bite_lt").orElseThrow().shortcode()).isEqualTo("1");
        assertThat(table.find("lt", "bite_lt").orElseThrow().shortcode()).isEqualTo("1337");
    }

    @Test
    void countryWithoutProviders() {
        String empty = "<country code=\"lv\" name=\"Latvia\"/>\n</rates>";
        assertThat(reasonFor(exampleWith("</rates>", empty)))
                .isEqualTo("line 12: cvc-complex-type.2.4.b: The content of element 'country' is not complete. One "
                        + "of '{provider}' is expected.");
    }

    @Test
    void unknownAttribute() {
        assertThat(reasonFor(exampleWith("vat=\"included\"", "vat=\"included\" tax=\"21\"")))
                .isEqualTo("line 7: cvc-complex-type.3.2.2: Attribute 'tax' is not allowed to appear in element "
                        + "'price'.");
    }

    @Test
    void anotherRootElement() {
        assertThat(reasonFor("<prices safe=\"1234\"/>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("line 1: cvc-elt.1.a: Cannot find the declaration of element 'prices'.");
    }

    @Test
    void emptyDocument() {
        assertThat(reasonFor(new byte[0])).isEqualTo("not well-formed XML: line 1: Premature end of file.");
    }

    @Test
    void trailingZerosWithinTwoDigitsAreTheSamePrice() throws InvalidRatesException {
        RateTable table = RatesFormat.parse(exampleWith(">1.45<", ">1.450<"), SAFE);

        assertThat(table.find("lt", "bite_lt").orElseThrow().price()).isEqualTo(new BigDecimal("1.45"));
    }

    @Test
    void anEntryNamesItsGatewayAndThenTheBuyerSendsTheKeywordWithoutTheSafeId() throws InvalidRatesException {
        String fortumo = "<provider code=\"bite_lt\" name=\"Bitė\" gateway=\"fortumo\"><shortcode>1398</shortcode>"
                + "<prefix>TXT  SAFE</prefix><price currency=\"EUR\" vat=\"included\">1.45</price>"
                + "<messages>2</messages></provider>\n    <provider code=\"bite_lt\" name=\"Bitė\" "
                + "gateway=\"paysera\"><shortcode>1679</shortcode><prefix>SAFE</prefix>"
                + "<price currency=\"EUR\" vat=\"included\">1.50</price><messages>1</messages></provider>\n  "
                + "</country>";
        RateTable table = RatesFormat.parse(exampleWith("</country>", fortumo), SAFE);

        assertThat(table.find(Gateway.SMSSAFE, "lt", "bite_lt")).map(rate -> rate.textToSend(SAFE, "order-42"))
                .contains("SAFE 1234 order-42");
        assertThat(table.find(Gateway.FORTUMO, "lt", "bite_lt")).map(rate -> rate.textToSend(SAFE, "order-42"))
                .as("a pretty-printer's double space is one").contains("TXT SAFE order-42");
        assertThat(table.find(Gateway.PAYSERA, "lt", "bite_lt")).map(rate -> rate.textToSend(SAFE, "order-42"))
                .contains("SAFE order-42");
        assertThat(table.find(Gateway.FORTUMO, "lt", "bite_lt")).map(Rate::messages).contains(2);
    }

    @Test
    void aNoteIsKeptAsWrittenInsideWhileCodesAndPrefixesAreCollapsed() throws InvalidRatesException {
        RateTable table = RatesFormat.parse(exampleWith("<note>Only for Bitė subscribers.</note>",
                "<note>\n        Only for Bitė:\n  dial  1398.\n      </note>"), SAFE);

        assertThat(table.find("lt", "bite_lt").orElseThrow().notes()).as("stripped, not collapsed")
                .containsExactly("Only for Bitė:\n  dial  1398.");
    }

    @Test
    void anUnknownGatewayIsRefused() {
        assertThat(reasonFor(exampleWith("name=\"Bitė\">", "name=\"Bitė\" gateway=\"mbs\">")))
                .startsWith("line 4: cvc-enumeration-valid: Value 'mbs' is not facet-valid with respect to "
                        + "enumeration '[smssafe, fortumo, paysera]'.");
    }

    @Test
    void theSameGatewayAndOperatorTwiceInOneCountryIsRefused() {
        String again = "</provider>\n    <provider code=\"bite_lt\" name=\"Bitė\" gateway=\"fortumo\">"
                + "<shortcode>1</shortcode><prefix>P</prefix><price currency=\"EUR\" vat=\"included\">1</price>"
                + "<messages>1</messages></provider>\n    <provider code=\"bite_lt\" name=\"Bitė\" "
                + "gateway=\"fortumo\"><shortcode>1</shortcode><prefix>P</prefix><price currency=\"EUR\" "
                + "vat=\"included\">1</price><messages>1</messages></provider>";
        assertThat(reasonFor(exampleWith("</provider>", again)))
                .isEqualTo("line 12: cvc-identity-constraint.4.1: Duplicate unique value [fortumo,bite_lt] declared "
                        + "for identity constraint \"uniqueProviderCode\" of element \"country\".");
    }
}
