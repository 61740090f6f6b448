package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** The element {@code bill}: charge the account with this id. */
@XmlRootElement(name = "bill")
@XmlType(name = "", propOrder = {"accountId", "ident", "mtType", "mtText", "mtUrl", "price", "currency", "language",
    "options", "urlDelivery"})
public class Bill {
    @XmlElement(name = "account_id", required = true)
    public String accountId;
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
