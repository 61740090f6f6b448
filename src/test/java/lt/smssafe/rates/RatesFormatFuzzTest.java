package lt.smssafe.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneOffset;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.SAXException;

/**
 * The reading of a rates feed or {@code local.xml} (docs/protocol.md §5) under fuzzed bytes: a rate table of this safe
 * with at least one provider, or {@link InvalidRatesException} saying why, never another exception (which would
 * leave a refresh failed without a reason on {@code /cron}, or stop the start-up). In the suite it runs the inputs
 * in {@code RatesFormatFuzzTestInputs/}, which are rates files as they are; {@code JAZZER_FUZZ=1} fuzzes it.
 *
 * <p>An accepted file's values are in the schema's forms, every rate can be found, and its {@code generated} time
 * is the year the file wrote, not one that wrapped around.
 */
class RatesFormatFuzzTest {
    private static final long SAFE = 1234;

    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({"<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "encoding=\"UTF-16\"", "<rates", "</rates>",
        "safe=\"1234\"", "generated=\"2026-11-22T10:00:00Z\"", "<country", "</country>", "code=\"lt\"", "name=\"",
        "<provider", "</provider>", "code=\"bite_lt\"", "<shortcode>", "</shortcode>", "<prefix>", "</prefix>",
        "<price", "</price>", "currency=\"EUR\"", "vat=\"included\"", "vat=\"excluded\"", "<messages>",
        "</messages>", "<note>", "</note>", "<![CDATA[", "]]>", "&amp;", "&#x", "<!DOCTYPE", "xmlns=\"", "xsi:"})
    void aRatesFileIsARateTableOrRefusedWithItsReason(byte[] xml) {
        try {
            RateTable table = RatesFormat.parse(xml, SAFE);
            assertThat(table.safe()).isEqualTo(SAFE);
            assertThat(table.entryCount()).isPositive();
            for (RateTable.Country country : table.countries()) {
                assertThat(country.code()).matches("[a-z]{2}");
                assertThat(country.entries()).isNotEmpty();
                for (Rate rate : country.entries()) {
                    assertThat(rate.operator()).matches("[a-z0-9_]{1,32}");
                    assertThat(rate.shortcode()).matches("[0-9]{1,10}");
                    assertThat(rate.prefix()).matches("[A-Za-z0-9]{1,20}( [A-Za-z0-9]{1,20}){0,3}");
                    assertThat(rate.currency()).matches("[A-Z]{3}");
                    assertThat(rate.price()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
                    assertThat(rate.price().scale()).isEqualTo(2);
                    assertThat(rate.messages()).isBetween(1, 100);
                    assertThat(table.find(country.code(), rate.operator())).contains(rate);
                }
            }
            table.generated().ifPresent(generated -> assertThat(generated.atOffset(ZoneOffset.UTC).getYear())
                    .as("the year of generated=\"%s\"", generatedAsWritten(xml))
                    .isCloseTo(isoYear(generatedAsWritten(xml)), within(1)));
        } catch (InvalidRatesException refused) {
            // the reason is what the admin reads on /cron
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /** The {@code generated} attribute of a file the parser accepted, read a second way (DOM, no DTD). */
    private static String generatedAsWritten(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement()
                    .getAttribute("generated").strip();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("accepted, but not readable as XML", e);
        }
    }

    /** The year of an {@code xs:dateTime} in UTC, on the ISO calendar (XML Schema 1.0 has no year 0: -0001 is 0). */
    private static int isoYear(String dateTime) {
        XMLGregorianCalendar time = DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(dateTime);
        if (time.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            time.setTimezone(0);
        }
        BigInteger year = time.normalize().getEonAndYear();
        BigInteger iso = year.signum() < 0 ? year.add(BigInteger.ONE) : year;
        // beyond an int the instant cannot be right anyway; clamp so that the comparison fails instead of overflowing
        return iso.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }
}
