package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code mbsFault}, the detail of every refusal. */
@XmlRootElement(name = "mbsFault")
@XmlType(name = "", propOrder = {"state", "description", "transactionId"})
public class MbsFault {
    @XmlElement(required = true)
    public String state;
    @XmlElement(required = true)
    public String description;
    /** The transaction concerned, where the request named one. */
    @XmlElement(name = "transaction_id")
    public Long transactionId;

    public MbsFault() {
    }

    public MbsFault(String state, String description, Long transactionId) {
        this.state = state;
        this.description = description;
        this.transactionId = transactionId;
    }
}
