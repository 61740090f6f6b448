package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code billResponse}: the transaction as it is now. */
@XmlRootElement(name = "billResponse")
@XmlType(name = "", propOrder = {"transaction"})
public class BillResponse extends TransactionAnswer {
}
