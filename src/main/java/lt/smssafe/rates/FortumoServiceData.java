package lt.smssafe.rates;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Fortumo's {@code <services_api_response>}, as JAXB reads it: the elements of {@code fortumo-service-data.xsd}, one
 * small class each, nested here because nothing else uses them. Only ever filled from a document that the schema has
 * already accepted, so required values are there and well-formed. What they mean is {@link FortumoRatesFormat}'s.
 */
@XmlRootElement(name = "services_api_response")
@XmlAccessorType(XmlAccessType.FIELD)
final class FortumoServiceData {
    @XmlElement(name = "status", required = true)
    Status status;

    @XmlElement(name = "service")
    Service service;

    /** {@code <status><code>0</code><message>OK</message></status>}: 0 is OK. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Status {
        @XmlElement(name = "code", required = true)
        int code;

        @XmlElement(name = "message")
        @XmlJavaTypeAdapter(AsWritten.class)
        String message;
    }

    /** {@code <service id="…"><countries>…</countries></service>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Service {
        @XmlAttribute(name = "id", required = true)
        String id;

        @XmlElementWrapper(name = "countries", required = true)
        @XmlElement(name = "country")
        List<Country> countries = new ArrayList<>();
    }

    /** {@code <country code="EE" name="Estonia" approved="true">}, its prices and promotional text. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Country {
        @XmlAttribute(name = "code", required = true)
        String code;

        @XmlAttribute(name = "name", required = true)
        String name;

        /** Absent counts as approved: only an explicit {@code false} says the buyers there cannot pay yet. */
        @XmlAttribute(name = "approved")
        Boolean approved;

        @XmlElementWrapper(name = "prices", required = true)
        @XmlElement(name = "price")
        List<Price> prices = new ArrayList<>();

        @XmlElement(name = "promotional_text")
        Promotion promotion;
    }

    /** {@code <price amount="0.32" currency="EUR" vat_included="true">} and its message profiles. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Price {
        @XmlAttribute(name = "amount", required = true)
        BigDecimal amount;

        @XmlAttribute(name = "currency", required = true)
        String currency;

        @XmlAttribute(name = "vat_included", required = true)
        boolean vatIncluded;

        @XmlElement(name = "message_profile")
        List<MessageProfile> profiles = new ArrayList<>();
    }

    /** {@code <message_profile shortcode="1311" keyword="TXT SAFE">} and the operators it is for. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class MessageProfile {
        @XmlAttribute(name = "shortcode", required = true)
        String shortcode;

        @XmlAttribute(name = "keyword", required = true)
        String keyword;

        @XmlElement(name = "operator")
        List<Operator> operators = new ArrayList<>();
    }

    /** {@code <operator code="Elisa" name="Elisa" billing_type="MO" …>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Operator {
        @XmlAttribute(name = "code", required = true)
        String code;

        @XmlAttribute(name = "name", required = true)
        String name;

        /** Its {@code <codes>} and whatever else Fortumo puts there: taken, so that JAXB does not refuse them. */
        @XmlAnyElement
        List<Element> details = new ArrayList<>();
    }

    /** {@code <promotional_text><local>…</local><english>…</english></promotional_text>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Promotion {
        @XmlElement(name = "local")
        @XmlJavaTypeAdapter(AsWritten.class)
        String local;

        @XmlElement(name = "english")
        @XmlJavaTypeAdapter(AsWritten.class)
        String english;
    }
}
