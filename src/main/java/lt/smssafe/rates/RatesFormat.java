package lt.smssafe.rates;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a rates document (docs/protocol.md §5) into a {@link RateTable}, accepting it only when it is valid against
 * {@code rates.xsd}, names the expected safe and lists at least one operator ({@code <provider>}).
 *
 * <p>The feed comes from the network, so it is read by {@link SecureXml}: no DOCTYPE, the JDK's own parser.
 */
public final class RatesFormat {
    private static final SecureXml<RatesDocument> XML = new SecureXml<>(RatesDocument.class, "rates", "rates.xsd");

    private RatesFormat() {
    }

    /**
     * Parses and checks one rates document.
     *
     * @param xml the document's bytes; its encoding is taken from the XML declaration (UTF-8 by default)
     * @param expectedSafe this installation's safe id
     * @throws InvalidRatesException with the reason, e.g. {@code line 5: cvc-…}, {@code not well-formed XML: …},
     *     {@code the feed is for safe 999, not 1234} or {@code the feed lists no providers}
     */
    public static RateTable parse(byte[] xml, long expectedSafe) throws InvalidRatesException {
        RatesDocument document = XML.read(xml);
        if (document.safe() != expectedSafe) {
            throw new InvalidRatesException("the feed is for safe " + document.safe() + ", not " + expectedSafe);
        }
        List<Rate> rates = new ArrayList<>();
        for (CountryElement country : document.countries) {
            for (OperatorElement operator : country.operators) {
                rates.add(operator.toRate(country));
            }
        }
        if (rates.isEmpty()) {
            throw new InvalidRatesException("the feed lists no providers");
        }
        // the schema's xs:unique constraints already rule out duplicates, so of() cannot throw here
        return RateTable.of(document.safe(), document.generated(), rates);
    }
}
