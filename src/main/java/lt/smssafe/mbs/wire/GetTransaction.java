package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code getTransaction}: Asks for one transaction of the calling service. */
@XmlRootElement(name = "getTransaction")
@XmlType(name = "", propOrder = {"transactionId"})
public class GetTransaction {
    @XmlElement(name = "transaction_id")
    public long transactionId;

    public GetTransaction() {
    }

    public GetTransaction(long transactionId) {
        this.transactionId = transactionId;
    }
}
