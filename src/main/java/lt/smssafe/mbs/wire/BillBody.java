package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * What {@code bill} and {@code billByMSISDN} share after naming the account: the {@link Charge}, the language and
 * the billing-report URL. Not an element of its own ({@link XmlTransient}): each subclass lists these children after
 * its own, as the WSDL orders them.
 */
@XmlTransient
public abstract class BillBody extends Charge {
    public String language;
    /** The billing-report URL template. */
    @XmlElement(name = "url_delivery")
    public String urlDelivery;
}
