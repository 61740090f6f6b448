package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.List;

/**
 * What {@code bill} and {@code billByMSISDN} share after naming the account: what is charged and what the
 * subscriber is sent. Not an element of its own ({@link XmlTransient}): each subclass lists these children after
 * its own, as the WSDL orders them.
 */
@XmlTransient
public abstract class BillBody {
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
