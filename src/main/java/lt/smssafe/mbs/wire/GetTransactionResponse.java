package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code getTransactionResponse}: the transaction as it is now. */
@XmlRootElement(name = "getTransactionResponse")
@XmlType(name = "", propOrder = {"transaction"})
public class GetTransactionResponse {
    @XmlElement(required = true)
    public WireTransaction transaction;

    public GetTransactionResponse() {
    }

    public GetTransactionResponse(WireTransaction transaction) {
        this.transaction = transaction;
    }
}
