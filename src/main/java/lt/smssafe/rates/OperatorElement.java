package lt.smssafe.rates;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@code <provider>} of the feed, one operator's entry, as JAXB reads it. */
@XmlAccessorType(XmlAccessType.FIELD)
final class OperatorElement {
    @XmlAttribute(name = "code", required = true)
    private String code;

    @XmlAttribute(name = "name", required = true)
    private String name;

    @XmlAttribute(name = "gateway")
    private String gateway;

    @XmlElement(name = "shortcode", required = true)
    private String shortcode;

    @XmlElement(name = "prefix", required = true)
    private String prefix;

    @XmlElement(name = "price", required = true)
    private PriceElement price;

    @XmlElement(name = "messages", required = true)
    private int messages;

    @XmlElement(name = "note")
    @XmlJavaTypeAdapter(AsWritten.class)
    private List<String> notes = new ArrayList<>();

    /**
     * The rate of this operator in {@code country}, for the gateway it names ({@code smssafe} when it names none).
     * The price gets scale 2, so that {@code 1.5} and {@code 1.450} (both within the schema's two fraction digits)
     * show and add up as money; notes lose the indentation a pretty-printer gave them, and blank ones are dropped.
     */
    Rate toRate(CountryElement country) {
        List<String> cleanNotes = notes.stream().map(String::strip).filter(note -> !note.isEmpty()).toList();
        // the schema allows only the gateways' codes, so ofCode finds one whenever the attribute is there
        Gateway entryGateway = gateway == null ? Gateway.SMSSAFE : Gateway.ofCode(gateway).orElseThrow();
        return new Rate(entryGateway, country.code, country.name, code, name, shortcode, prefix,
                price.amount.setScale(2, RoundingMode.UNNECESSARY), price.currency, price.vatIncluded(),
                messages, cleanNotes, Optional.empty());
    }
}
