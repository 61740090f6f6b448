package lt.smssafe.mbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.SchemaOutputResolver;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import lt.smssafe.mbs.wire.Bill;
import lt.smssafe.mbs.wire.BillByMsisdn;
import lt.smssafe.mbs.wire.BillByMsisdnResponse;
import lt.smssafe.mbs.wire.BillResponse;
import lt.smssafe.mbs.wire.CommitTransaction;
import lt.smssafe.mbs.wire.CommitTransactionResponse;
import lt.smssafe.mbs.wire.GetTransaction;
import lt.smssafe.mbs.wire.GetTransactionResponse;
import lt.smssafe.mbs.wire.MbsDirectPort;
import lt.smssafe.mbs.wire.MbsFault;
import lt.smssafe.mbs.wire.RollBackTransaction;
import lt.smssafe.mbs.wire.RollBackTransactionResponse;
import lt.smssafe.testing.mbs.SandboxMbs;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The hand-written wire classes and the shipped WSDL are one contract: same elements, same children in the same
 * order, same optionality; and the schema is enforced on the wire.
 */
class MbsWsdlTest {
    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final Class<?>[] WIRE = {Bill.class, BillResponse.class, BillByMsisdn.class,
        BillByMsisdnResponse.class, GetTransaction.class, GetTransactionResponse.class, CommitTransaction.class,
        CommitTransactionResponse.class, RollBackTransaction.class, RollBackTransactionResponse.class,
        MbsFault.class};

    @Test
    void theClientIsBuiltFromTheWsdlShippedInTheWar() {
        assertThat(MbsDirect.wsdl().toExternalForm()).endsWith("/lt/smssafe/mbs/mbs-direct.wsdl");
    }

    @Test
    void theWsdlsSchemaCompiles() throws Exception {
        SchemaFactory.newDefaultInstance().newSchema(new DOMSource(wsdlSchema()));
    }

    @Test
    void everyElementAndTypeOfTheWsdlHasTheChildrenOfItsJavaClass() throws Exception {
        Element wsdl = wsdlSchema();
        Element java = javaSchema();

        assertThat(sequences(java)).isEqualTo(sequences(wsdl));
        assertThat(sequences(wsdl)).containsKeys("element bill", "element billByMSISDN", "element getTransaction",
                "element commitTransactionResponse", "element mbsFault", "type transaction", "type option");
    }

    @Test
    void theEnumsWireNamesAreTheWsdlsEnumerationsInOrder() throws Exception {
        Element wsdl = wsdlSchema();

        assertThat(Arrays.stream(AccountType.values()).map(AccountType::wireName))
                .containsExactlyElementsOf(enumeration(wsdl, "accountType"));
        assertThat(Arrays.stream(MtType.values()).map(MtType::wireName))
                .containsExactlyElementsOf(enumeration(wsdl, "mtType"));
        assertThat(Arrays.stream(TransactionStatus.values()).map(TransactionStatus::wireName))
                .containsExactlyElementsOf(enumeration(wsdl, "status"));
        assertThat(MtType.fromWire("WapPush")).isEqualTo(MtType.WAP_PUSH);
        assertThatThrownBy(() -> TransactionStatus.fromWire("COMMIT")).hasMessage("unknown status 'COMMIT'");
    }

    /** The values of the schema's simple type {@code name}, in the schema's order. */
    private static List<String> enumeration(Element schema, String name) {
        List<String> values = new ArrayList<>();
        var types = schema.getElementsByTagNameNS(XS, "simpleType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (name.equals(type.getAttribute("name"))) {
                var enumerations = type.getElementsByTagNameNS(XS, "enumeration");
                for (int j = 0; j < enumerations.getLength(); j++) {
                    values.add(((Element) enumerations.item(j)).getAttribute("value"));
                }
            }
        }
        assertThat(values).as("enumeration %s in the WSDL", name).isNotEmpty();
        return values;
    }

    @Test
    void theSandboxPublishesTheShippedWsdl() throws Exception {
        try (SandboxMbs mbs = new SandboxMbs().addService(1, "secret").start()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(mbs.url() + "?wsdl")).header("Authorization",
                            "Basic " + Base64.getEncoder().encodeToString("1:secret".getBytes(StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("How a failure travels:", "rollback_not_allowed",
                    "location=\"" + mbs.url() + "\"");
        }
    }

    @Test
    void theSandboxRefusesARequestTheSchemaForbidsAsAnInvalidRequest() {
        try (SandboxMbs mbs = new SandboxMbs().addService(1, "secret").start()) {
            // the bare port, without the client's own checks
            MbsDirectPort port = Service.create(MbsDirect.wsdl(), MbsDirect.SERVICE_NAME)
                    .getPort(MbsDirect.PORT_NAME, MbsDirectPort.class);
            Map<String, Object> context = ((BindingProvider) port).getRequestContext();
            context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, mbs.url().toString());
            context.put(BindingProvider.USERNAME_PROPERTY, "1");
            context.put(BindingProvider.PASSWORD_PROPERTY, "secret");
            Bill bill = new Bill();
            bill.accountId = "acc-1";
            bill.ident = "order-1";
            bill.mtType = "SMS";
            bill.mtText = "text";
            bill.price = 100;
            bill.currency = "eur";

            SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class, () -> port.bill(bill));
            MbsException failure = WireFailures.classify("bill", MbsConfig.of(mbs.url(), 1, "secret", null), fault);

            assertThat(fault.getFault().getFaultString()).contains("cvc-pattern-valid", "'eur'");
            assertThat(failure).isInstanceOf(MbsRefusedException.class);
            assertThat(failure.state()).isEqualTo(MbsState.INVALID_REQUEST);
            assertThat(mbs.transaction(SandboxMbs.FIRST_TRANSACTION_ID)).isEmpty();
        }
    }

    /** The {@code xs:schema} inside the shipped WSDL. */
    private static Element wsdlSchema() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = MbsDirect.wsdl().openStream()) {
            Document wsdl = factory.newDocumentBuilder().parse(in);
            return (Element) wsdl.getElementsByTagNameNS(XS, "schema").item(0);
        }
    }

    /** The schema JAXB derives from the Java classes. */
    private static Element javaSchema() throws Exception {
        List<DOMResult> results = new ArrayList<>();
        JAXBContext.newInstance(WIRE).generateSchema(new SchemaOutputResolver() {
            @Override
            public DOMResult createOutput(String namespace, String suggestedFileName) {
                DOMResult result = new DOMResult();
                result.setSystemId(suggestedFileName);
                results.add(result);
                return result;
            }
        });
        assertThat(results).hasSize(1);
        return ((Document) results.get(0).getNode()).getDocumentElement();
    }

    /**
     * Every global element and named type with a sequence, as {@code element bill} → its children like
     * {@code account_id}, {@code mt_text?} (the {@code ?} for minOccurs 0).
     */
    private static Map<String, List<String>> sequences(Element schema) {
        Map<String, List<String>> sequences = new TreeMap<>();
        for (Node node = schema.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element declaration && XS.equals(declaration.getNamespaceURI())) {
                String kind = switch (declaration.getLocalName()) {
                    case "element" -> "element ";
                    case "complexType" -> "type ";
                    default -> null;
                };
                Element sequence = kind == null ? null : sequenceOf(declaration);
                if (sequence != null && !"type options".equals(kind + declaration.getAttribute("name"))) {
                    sequences.put(kind + declaration.getAttribute("name"), children(sequence));
                }
            }
        }
        return sequences;
    }

    private static Element sequenceOf(Element declaration) {
        Element type = "complexType".equals(declaration.getLocalName()) ? declaration : child(declaration,
                "complexType");
        return type == null ? null : child(type, "sequence");
    }

    private static List<String> children(Element sequence) {
        Map<String, String> children = new LinkedHashMap<>();
        for (Node node = sequence.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && "element".equals(element.getLocalName())) {
                children.put(element.getAttribute("name"), "0".equals(element.getAttribute("minOccurs")) ? "?" : "");
            }
        }
        List<String> list = new ArrayList<>();
        children.forEach((name, optional) -> list.add(name + optional));
        return list;
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && XS.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }
}
