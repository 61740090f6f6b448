package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code commitTransaction}: Asks to take the reserved money. */
@XmlRootElement(name = "commitTransaction")
@XmlType(name = "", propOrder = {"transactionId"})
public class CommitTransaction {
    @XmlElement(name = "transaction_id")
    public long transactionId;

    public CommitTransaction() {
    }

    public CommitTransaction(long transactionId) {
        this.transactionId = transactionId;
    }
}
