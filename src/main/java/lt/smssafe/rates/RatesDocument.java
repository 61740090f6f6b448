package lt.smssafe.rates;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Instant;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The {@code <rates>} root of a feed, as JAXB reads it. Only ever filled from a document that the schema has
 * already accepted, so the fields hold well-formed values and the conversions below cannot fail on content.
 */
@XmlRootElement(name = "rates")
@XmlAccessorType(XmlAccessType.FIELD)
final class RatesDocument {
    @XmlAttribute(name = "safe", required = true)
    private String safe;

    @XmlAttribute(name = "generated")
    private XMLGregorianCalendar generated;

    @XmlElement(name = "country")
    List<CountryElement> countries = new ArrayList<>();

    long safe() {
        return Long.parseLong(safe);
    }

    /** A time written without a zone is taken as UTC rather than the server's zone, so every node agrees. */
    Optional<Instant> generated() {
        if (generated == null) {
            return Optional.empty();
        }
        XMLGregorianCalendar time = (XMLGregorianCalendar) generated.clone();
        if (time.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            time.setTimezone(0);
        }
        return Optional.of(time.toGregorianCalendar().toInstant());
    }
}
