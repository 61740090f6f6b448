package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code rollBackTransaction}: Asks to give the reserved money back. */
@XmlRootElement(name = "rollBackTransaction")
@XmlType(name = "", propOrder = {"transactionId"})
public class RollBackTransaction extends TransactionQuery {
}
