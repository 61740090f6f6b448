package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code billByMSISDNResponse}: the transaction as it is now. */
@XmlRootElement(name = "billByMSISDNResponse")
@XmlType(name = "", propOrder = {"transaction"})
public class BillByMsisdnResponse extends TransactionAnswer {
}
