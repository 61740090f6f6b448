package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The type {@code option}: one name-value pair of a bill's or a transaction's options. */
@XmlType(name = "option", propOrder = {"name", "value"})
public class WireOption {
    @XmlElement(required = true)
    public String name;
    @XmlElement(required = true)
    public String value;

    public WireOption() {
    }

    public WireOption(String name, String value) {
        this.name = name;
        this.value = value;
    }
}
