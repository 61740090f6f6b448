package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code commitTransactionResponse}: the transaction as it is now. */
@XmlRootElement(name = "commitTransactionResponse")
@XmlType(name = "", propOrder = {"transaction"})
public class CommitTransactionResponse extends TransactionAnswer {
}
