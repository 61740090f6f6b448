package lt.smssafe.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fortumo's service-data XML ({@code fortumo-service-data.xsd}) as Fortumo entries: what a realistic file gives, and
 * the reason for each kind of file that must not replace the last good copy (docs/protocol.md §5). Every refused file is
 * the sample with one thing changed.
 */
class FortumoRatesFormatTest {
    private static final long SAFE = 1234;
    private static final String SERVICE = "f9482620cd62d78dcf834398bdd4139e";

    private static String sample() {
        return new String(RatesFormatTest.resource("fortumo-service-data.xml"), StandardCharsets.UTF_8);
    }

    /** The sample with {@code from} replaced by {@code to}, exactly once. */
    private static byte[] sampleWith(String from, String to) {
        assertThat(sample()).containsOnlyOnce(from);
        return sample().replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private static RateTable parse(byte[] xml) throws InvalidRatesException {
        return FortumoRatesFormat.parse(xml, SAFE, Optional.of(SERVICE), 3);
    }

    private static String reasonFor(byte[] xml) {
        try {
            FortumoRatesFormat.parse(xml, SAFE, Optional.of(SERVICE), 3);
        } catch (InvalidRatesException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + new String(xml, StandardCharsets.UTF_8));
    }

    @Test
    void theSampleIsOneFortumoEntryPerCountryAndOperator() throws InvalidRatesException {
        RateTable table = parse(RatesFormatTest.resource("fortumo-service-data.xml"));

        assertThat(table.countries()).extracting(RateTable.Country::code).containsExactly("ee", "lt");
        assertThat(table.countries().get(0).entries()).extracting(Rate::operator)
                .containsExactly("elisa", "telia", "tele2");
        assertThat(table.countries().get(1).entries()).extracting(Rate::operator, Rate::operatorName,
                Rate::shortcode, Rate::price).containsExactly(
                        tuple("bite", "Bitė", "1398", new BigDecimal("1.45")),
                        tuple("telia", "Telia", "1679", new BigDecimal("1.50")),
                        tuple("tele2_lt", "Tele2", "1679", new BigDecimal("1.50")));
        assertThat(table.countries()).flatExtracting(RateTable.Country::entries).allSatisfy(rate -> {
            assertThat(rate.gateway()).isEqualTo(Gateway.FORTUMO);
            assertThat(rate.prefix()).isEqualTo("TXT SAFE");
            assertThat(rate.messages()).as("the messages key").isEqualTo(3);
            assertThat(rate.vatIncluded()).isTrue();
            assertThat(rate.currency()).isEqualTo("EUR");
        });
    }

    @Test
    void aFortumoEntryTellsTheBuyerTheKeywordAndTheContentWithoutTheSafeId() throws InvalidRatesException {
        Rate elisa = parse(RatesFormatTest.resource("fortumo-service-data.xml"))
                .find(Gateway.FORTUMO, "EE", "elisa").orElseThrow();

        assertThat(elisa.textToSend(SAFE, " order-42 ")).isEqualTo("TXT SAFE order-42");
        assertThat(elisa.textToSend(SAFE, "")).isEqualTo("TXT SAFE");
        assertThat(elisa.shortcode()).isEqualTo("1311");
        assertThat(elisa.price()).isEqualTo(new BigDecimal("0.32"));
    }

    @Test
    void theOperatorCodeFollowsTheDialectsRuleSoThatFortumosRequestsFindIt() throws InvalidRatesException {
        RateTable table = parse(RatesFormatTest.resource("fortumo-service-data.xml"));

        // /fortumo turns the request's operator "Tele2 LT" into this same code
        assertThat(table.find(Gateway.FORTUMO, "lt", OperatorCode.of("Tele2 LT"))).map(Rate::shortcode)
                .contains("1679");
        assertThat(table.find(Gateway.FORTUMO, "lt", "unknown_operator")).isEmpty();
        assertThat(table.find(Gateway.SMSSAFE, "lt", "bite")).as("only Fortumo's messages match").isEmpty();
        assertThat(table.find(Gateway.PAYSERA, "lt", "bite")).isEmpty();
    }

    @Test
    void thePromotionalTextIsTheLocalOneWhereThePageSpeaksTheCountrysLanguageElseEnglish()
            throws InvalidRatesException {
        RateTable table = parse(RatesFormatTest.resource("fortumo-service-data.xml"));
        PromotionalText lithuania = table.find(Gateway.FORTUMO, "lt", "bite").orElseThrow().promotionalText()
                .orElseThrow();
        PromotionalText estonia = table.find(Gateway.FORTUMO, "ee", "elisa").orElseThrow().promotionalText()
                .orElseThrow();

        assertThat(lithuania.forPage("lt", "lt")).isEqualTo("Kaina: 1,45-1,50 €\nPagalba: +370 5 111 1111 | "
                + "pagalba@example.com\nMokėjimas SMS: fortumo.lt");
        assertThat(lithuania.forPage("en", "lt")).startsWith("Price: EUR 1.45-1.50\n")
                .endsWith("Mobile Payment by fortumo.com");
        assertThat(estonia.forPage("lt", "ee")).as("a Lithuanian page about Estonia").startsWith("Price: €0.32");
        assertThat(estonia.forPage("ru", "ee")).startsWith("Price: €0.32");
        assertThat(new PromotionalText("Hind: 1 €", "").forPage("en", "ee")).as("the only text there is")
                .isEqualTo("Hind: 1 €");
    }

    @Test
    void aMessageProfileWithoutOperatorsIsOneEntryForEveryOperatorOfTheCountry() throws InvalidRatesException {
        String withoutOperators = sample().replaceAll("(?s)<operator code=\"(Elisa|Telia|Tele2)\".*?</operator>", "");
        RateTable table = parse(withoutOperators.getBytes(StandardCharsets.UTF_8));

        Rate all = table.countries().get(0).entries().get(0);
        assertThat(all.allOperators()).isTrue();
        assertThat(table.countries().get(0).entries()).containsExactly(all);
        assertThat(table.find(Gateway.FORTUMO, "ee", "elisa")).contains(all);
        assertThat(table.find(Gateway.FORTUMO, "ee", "any_operator")).contains(all);
        assertThat(table.find(Gateway.FORTUMO, "lt", "bite")).as("an operator's own entry")
                .map(Rate::shortcode).contains("1398");
        assertThat(table.find(Gateway.FORTUMO, "lt", "any_operator")).as("no all-operators entry in Lithuania")
                .isEmpty();
    }

    @Test
    void whereTwoPricesNameOneOperatorTheFirstCounts() throws InvalidRatesException {
        RateTable table = parse(sampleWith("<operator code=\"Telia\" revenue=\"0.62\"",
                "<operator code=\"Bite\" name=\"Bitė\"/><operator code=\"Telia\" revenue=\"0.62\""));

        assertThat(table.find(Gateway.FORTUMO, "lt", "bite")).map(Rate::shortcode).contains("1398");
        assertThat(table.countries().get(1).entries()).hasSize(3);
    }

    @Test
    void aCountryNotApprovedYetGivesNoEntries() throws InvalidRatesException {
        RateTable table = parse(sampleWith("approved=\"true\" code=\"EE\"", "approved=\"false\" code=\"EE\""));

        assertThat(table.countries()).extracting(RateTable.Country::code).containsExactly("lt");
    }

    @Test
    void anyServiceIsTakenWithoutTheServiceIdKey() throws InvalidRatesException {
        RateTable table = FortumoRatesFormat.parse(sampleWith(SERVICE, "0123456789abcdef"), SAFE, Optional.empty(), 2);

        assertThat(table.entryCount()).isEqualTo(6);
        assertThat(table.find(Gateway.FORTUMO, "ee", "telia")).map(Rate::messages).contains(2);
    }

    @Test
    void anErrorStatusIsRefusedWithFortumosMessage() {
        byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<services_api_response version=\"2.0\">"
                + "<status><code>3</code><message>Invalid service</message></status></services_api_response>")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(reasonFor(error)).isEqualTo("Fortumo answered status 3: Invalid service");
        assertThat(reasonFor(sampleWith("<code>0</code>", "<code>1</code>")))
                .isEqualTo("Fortumo answered status 1: OK");
    }

    @Test
    void anotherServiceIsRefused() {
        assertThat(reasonFor(sampleWith(SERVICE, "0123456789abcdef")))
                .isEqualTo("the file is for Fortumo service 0123456789abcdef, not " + SERVICE);
    }

    @Test
    void aFileWithoutCountriesIsRefused() {
        String empty = sample().replaceAll("(?s)<countries>.*</countries>", "<countries/>");

        assertThat(reasonFor(empty.getBytes(StandardCharsets.UTF_8))).isEqualTo("the file lists no countries");
    }

    @Test
    void aStatusZeroWithoutServiceIsRefused() {
        String noService = sample().replaceAll("(?s)<service .*</service>", "");

        assertThat(reasonFor(noService.getBytes(StandardCharsets.UTF_8))).isEqualTo("the file names no service");
    }

    @Test
    void xmlThatIsNotWellFormedIsRefused() {
        assertThat(reasonFor(sampleWith("</countries>", "</country>")))
                .isEqualTo("not well-formed XML: line 78: The element type \"countries\" must be terminated by the "
                        + "matching end-tag \"</countries>\".");
        assertThat(reasonFor("Service temporarily unavailable".getBytes(StandardCharsets.UTF_8)))
                .startsWith("not well-formed XML: line 1: ");
    }

    @Test
    void xmlThatBreaksTheSchemaIsRefusedWithTheLine() {
        assertThat(reasonFor(sampleWith(" keyword=\"TXT SAFE\">\n              <operator code=\"Elisa\"",
                ">\n              <operator code=\"Elisa\"")))
                .isEqualTo("line 14: cvc-complex-type.4: Attribute 'keyword' must appear on element "
                        + "'message_profile'.");
        assertThat(reasonFor(sampleWith("amount=\"0.32\"", "amount=\"cheap\"")))
                .startsWith("line 13: cvc-datatype-valid.1.2.1: 'cheap' is not a valid value for 'decimal'.");
        assertThat(reasonFor(sampleWith("version=\"2.0\"", "version=\"3.0\""))).startsWith("line 4: cvc-pattern-valid");
        assertThat(reasonFor("<rates safe=\"1234\"/>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("line 1: cvc-elt.1.a: Cannot find the declaration of element 'rates'.");
    }

    @Test
    void aDoctypeIsRefusedBeforeAnythingIsFetched() {
        String withDoctype = sample().replace("<services_api_response version",
                "<!DOCTYPE services_api_response [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<services_api_response "
                        + "version");

        assertThat(reasonFor(withDoctype.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("line 4: a DOCTYPE is not allowed in rates (no DTDs, no entities)");
    }

    @Test
    void unknownAttributesAndOperatorDetailsAreFortumosToAdd() throws InvalidRatesException {
        RateTable table = parse(sampleWith("<operator code=\"Elisa\"",
                "<operator new_flag=\"1\" code=\"Elisa\""));

        assertThat(table.find(Gateway.FORTUMO, "ee", "elisa")).isPresent();
        assertThat(table.entryCount()).isEqualTo(6);
    }
}
