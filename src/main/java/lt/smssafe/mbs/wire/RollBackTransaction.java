package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code rollBackTransaction}: Asks to give the reserved money back. */
@XmlRootElement(name = "rollBackTransaction")
@XmlType(name = "", propOrder = {"transactionId"})
public class RollBackTransaction {
    @XmlElement(name = "transaction_id")
    public long transactionId;

    public RollBackTransaction() {
    }

    public RollBackTransaction(long transactionId) {
        this.transactionId = transactionId;
    }
}
