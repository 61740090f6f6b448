package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code getTransactionResponse}: the transaction as it is now. */
@XmlRootElement(name = "getTransactionResponse")
@XmlType(name = "", propOrder = {"transaction"})
public class GetTransactionResponse extends TransactionAnswer {
}
