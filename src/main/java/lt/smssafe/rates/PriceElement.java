package lt.smssafe.rates;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;
import java.math.BigDecimal;

/** A {@code <price currency="EUR" vat="included">1.45</price>} of the feed, as JAXB reads it. */
@XmlAccessorType(XmlAccessType.FIELD)
final class PriceElement {
    @XmlValue
    BigDecimal amount;

    @XmlAttribute(name = "currency", required = true)
    String currency;

    @XmlAttribute(name = "vat", required = true)
    private String vat;

    boolean vatIncluded() {
        return "included".equals(vat);
    }
}
