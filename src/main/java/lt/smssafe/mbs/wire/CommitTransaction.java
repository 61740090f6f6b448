package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code commitTransaction}: Asks to take the reserved money. */
@XmlRootElement(name = "commitTransaction")
@XmlType(name = "", propOrder = {"transactionId"})
public class CommitTransaction extends TransactionQuery {
}
