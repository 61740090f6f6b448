package lt.smssafe.mbs.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.List;

/**
 * What a bill asks for and the transaction it makes records alike: what is charged and what the subscriber is sent.
 * Not a type of its own ({@link XmlTransient}): {@link BillBody}'s elements and {@link WireTransaction} list these
 * children among their own, as the WSDL orders them.
 */
@XmlTransient
public abstract class Charge {
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
    @XmlElementWrapper(name = "options")
    @XmlElement(name = "option")
    public List<WireOption> options;
}
