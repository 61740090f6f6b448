package lt.smssafe.rates;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.adapters.CollapsedStringAdapter;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** A {@code <country>} of the feed, as JAXB reads it. */
@XmlAccessorType(XmlAccessType.FIELD)
final class CountryElement {
    @XmlAttribute(name = "code", required = true)
    @XmlJavaTypeAdapter(CollapsedStringAdapter.class)
    private String code;

    @XmlAttribute(name = "name", required = true)
    @XmlJavaTypeAdapter(CollapsedStringAdapter.class)
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
