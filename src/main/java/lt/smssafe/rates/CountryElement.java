package lt.smssafe.rates;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** A {@code <country>} of the feed, as JAXB reads it. */
@XmlAccessorType(XmlAccessType.FIELD)
final class CountryElement {
    @XmlAttribute(name = "code", required = true)
    private String code;

    @XmlAttribute(name = "name", required = true)
    private String name;

    @XmlElement(name = "provider")
    private List<ProviderElement> providers = new ArrayList<>();

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    List<ProviderElement> providers() {
        return providers;
    }
}
