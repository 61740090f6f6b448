package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code getTransaction}: Asks for one transaction of the calling service. */
@XmlRootElement(name = "getTransaction")
@XmlType(name = "", propOrder = {"transactionId"})
public class GetTransaction extends TransactionQuery {
}
