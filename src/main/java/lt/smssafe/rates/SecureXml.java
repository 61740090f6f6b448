package lt.smssafe.rates;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Reads one kind of rates document with JAXB, accepting it only when it is valid against its schema (beside these
 * classes): {@code rates.xsd} for {@code local.xml} and the feed, {@code fortumo-service-data.xsd} for Fortumo's
 * service-data XML.
 *
 * <p>Both come from the network, so the parser is locked down: a document with a DOCTYPE is refused outright
 * (no external entities or DTDs are ever fetched, no entity expansion bombs), and the JDK's own XML parser and
 * schema validator are used whatever else the container puts on the class path.
 *
 * @param <T> the JAXB class of the root element
 */
final class SecureXml<T> {
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    private final Class<T> rootType;
    private final String rootName;
    private final Schema schema;
    private final JAXBContext context;

    /**
     * @param rootType the JAXB class of the root element
     * @param rootName the root element's name, for the one message the schema cannot give
     * @param schemaName the schema's file beside this class
     */
    SecureXml(Class<T> rootType, String rootName, String schemaName) {
        this.rootType = rootType;
        this.rootName = rootName;
        this.schema = loadSchema(schemaName);
        this.context = createContext(rootType);
    }

    /**
     * The document's root object, read only when the document is valid against the schema.
     *
     * @throws InvalidRatesException with the first problem, e.g. {@code line 5: cvc-…} or
     *     {@code not well-formed XML: …}
     */
    T read(byte[] xml) throws InvalidRatesException {
        AtomicReference<ValidationEvent> firstProblem = new AtomicReference<>();
        try {
            Unmarshaller unmarshaller = context.createUnmarshaller();
            unmarshaller.setSchema(schema);
            // stop at the first problem and keep it: it is the one worth reporting
            unmarshaller.setEventHandler(event -> {
                firstProblem.compareAndSet(null, event);
                return false;
            });
            ParserErrors parser = new ParserErrors(secureReader());
            InputSource input = new InputSource(new ByteArrayInputStream(xml));
            try {
                Object root = unmarshaller.unmarshal(new SAXSource(parser, input));
                if (rootType.isInstance(root)) {
                    return rootType.cast(root);
                }
                throw new InvalidRatesException("the root element is not <" + rootName + ">");
            } catch (UnmarshalException e) {
                throw new InvalidRatesException(describe(parser.first(), firstProblem.get(), e));
            }
        } catch (JAXBException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be set up", e);
        }
    }

    /**
     * JAXB reports the parser's and the schema's complaints alike, as fatal events; only the parser's pass through
     * the reader's error handler, so that is where a document that is not XML at all is told apart.
     */
    private static String describe(SAXParseException parserError, ValidationEvent event, UnmarshalException e) {
        if (parserError != null && parserError.getMessage() != null
                && parserError.getMessage().contains(DISALLOW_DOCTYPE)) {
            // the parser's own words name a feature URI that means nothing to the admin
            return at(parserError.getLineNumber()) + "a DOCTYPE is not allowed in rates (no DTDs, no entities)";
        }
        if (parserError != null) {
            return "not well-formed XML: " + at(parserError.getLineNumber()) + parserError.getMessage();
        }
        if (event != null) {
            ValidationEventLocator locator = event.getLocator();
            return at(locator == null ? -1 : locator.getLineNumber()) + event.getMessage();
        }
        return "unreadable rates: " + e;
    }

    private static String at(int line) {
        return line > 0 ? "line " + line + ": " : "";
    }

    /** Passes everything through to JAXB, noting the parser's first fatal error on the way. */
    private static final class ParserErrors extends XMLFilterImpl {
        private SAXParseException first;

        ParserErrors(XMLReader parser) {
            super(parser);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            if (first == null) {
                first = e;
            }
            super.fatalError(e);
        }

        SAXParseException first() {
            return first;
        }
    }

    private static XMLReader secureReader() throws ParserConfigurationException, SAXException {
        // the JDK's parser, not whatever SAXParserFactory a library on the class path registers
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // no DOCTYPE at all: rates never need one, and refusing it rules out XXE and entity expansion
        factory.setFeature(DISALLOW_DOCTYPE, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newSAXParser().getXMLReader();
    }

    private static Schema loadSchema(String name) {
        try (InputStream in = SecureXml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + SecureXml.class.getName());
            }
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, name));
        } catch (SAXException e) {
            throw new IllegalStateException(name + " is not a valid XML schema", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JAXBContext createContext(Class<?> type) {
        try {
            return JAXBContext.newInstance(type);
        } catch (JAXBException e) {
            throw new IllegalStateException("no JAXB implementation for " + type.getSimpleName(), e);
        }
    }
}
