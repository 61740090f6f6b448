package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The element {@code billByMSISDN}: charge the account with this phone number at this operator. */
@XmlRootElement(name = "billByMSISDN")
@XmlType(name = "", propOrder = {"accountMsisdn", "operator", "ident", "mtType", "mtText", "mtUrl", "price",
    "currency", "language", "options", "urlDelivery"})
public class BillByMsisdn extends BillBody {
    @XmlElement(name = "account_msisdn", required = true)
    public String accountMsisdn;
    @XmlElement(required = true)
    public String operator;
}
