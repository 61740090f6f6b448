package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code bill}: charge the account with this id. */
@XmlRootElement(name = "bill")
@XmlType(name = "", propOrder = {"accountId", "ident", "mtType", "mtText", "mtUrl", "price", "currency", "language",
    "options", "urlDelivery"})
public class Bill extends BillBody {
    @XmlElement(name = "account_id", required = true)
    public String accountId;
}
