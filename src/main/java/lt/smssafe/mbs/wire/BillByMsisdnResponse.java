package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code billByMSISDNResponse}: the transaction as it is now. */
@XmlRootElement(name = "billByMSISDNResponse")
@XmlType(name = "", propOrder = {"transaction"})
public class BillByMsisdnResponse {
    @XmlElement(required = true)
    public WireTransaction transaction;

    public BillByMsisdnResponse() {
    }

    public BillByMsisdnResponse(WireTransaction transaction) {
        this.transaction = transaction;
    }
}
