package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** The element {@code billByMSISDN}: charge the account with this phone number at this operator. */
@XmlRootElement(name = "billByMSISDN")
@XmlType(name = "", propOrder = {"accountMsisdn", "operator", "ident", "mtType", "mtText", "mtUrl", "price",
    "currency", "language", "options", "urlDelivery"})
public class BillByMsisdn {
    @XmlElement(name = "account_msisdn", required = true)
    public String accountMsisdn;
    @XmlElement(required = true)
    public String operator;
    @XmlElement(required = true)
    public String ident;
    /** {@code SMS} or {@code WapPush}. */
    @XmlElement(name = "mt_type", required = true)
    public String mtType;
    @XmlElement(name = "mt_text")
    public String mtText;
    @XmlElement(name = "mt_url")
    public String mtUrl;
    /** Cents. */
    public long price;
    @XmlElement(required = true)
    public String currency;
    public String language;
    @XmlElementWrapper(name = "options")
    @XmlElement(name = "option")
    public List<WireOption> options;
    /** The billing-report URL template. */
    @XmlElement(name = "url_delivery")
    public String urlDelivery;
}
