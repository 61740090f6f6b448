package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code rollBackTransactionResponse}: the transaction as it is now. */
@XmlRootElement(name = "rollBackTransactionResponse")
@XmlType(name = "", propOrder = {"transaction"})
public class RollBackTransactionResponse extends TransactionAnswer {
}
