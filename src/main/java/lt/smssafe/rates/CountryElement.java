package lt.smssafe.rates;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** A {@code <country>} of the feed, as JAXB reads it: its fields are the XML's, read within this package. */
@XmlAccessorType(XmlAccessType.FIELD)
final class CountryElement {
    @XmlAttribute(name = "code", required = true)
    String code;

    @XmlAttribute(name = "name", required = true)
    String name;

    @XmlElement(name = "provider")
    List<OperatorElement> operators = new ArrayList<>();
}
