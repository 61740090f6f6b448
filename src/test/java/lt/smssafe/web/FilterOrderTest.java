package lt.smssafe.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.annotation.WebFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The filters run in a fixed order: the failure filter reads the parameters first, so that no later filter's
 * {@code getParameter} turns a body the container cannot parse into a 500. Only {@code web.xml} can fix the order
 * (annotated filters run in an order the container chooses), so both are declared there and carry no annotation.
 * {@code HostileRequestsIT} sends such requests to the running WAR.
 */
class FilterOrderTest {
    private static final Path WEB_XML = Path.of("webapp", "WEB-INF", "web.xml");

    @Test
    void theSecurityHeadersComeFirstThenTheFailureFilterAndTheCsrfCheckAfterIt() throws Exception {
        Document webXml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(WEB_XML.toFile());

        assertThat(texts(webXml, "filter-mapping", "filter-name")).containsExactly("securityHeaders", "failures",
                "adminCsrf");
        assertThat(texts(webXml, "filter", "filter-class")).containsExactly(SecurityHeadersFilter.class.getName(),
                FailureFilter.class.getName(), AdminCsrfFilter.class.getName());
        assertThat(texts(webXml, "filter-mapping", "dispatcher")).as("the headers on error pages too")
                .containsExactly("REQUEST", "ERROR");
    }

    @Test
    void noFilterIsAnnotatedSoNoMappingLandsInTheContainersOrder() {
        assertThat(SecurityHeadersFilter.class.isAnnotationPresent(WebFilter.class)).isFalse();
        assertThat(FailureFilter.class.isAnnotationPresent(WebFilter.class)).isFalse();
        assertThat(AdminCsrfFilter.class.isAnnotationPresent(WebFilter.class)).isFalse();
    }

    /** The text of each {@code child} of each {@code parent} element, in document order. */
    private static List<String> texts(Document document, String parent, String child) {
        List<String> texts = new ArrayList<>();
        NodeList parents = document.getElementsByTagName(parent);
        for (int i = 0; i < parents.getLength(); i++) {
            NodeList children = ((Element) parents.item(i)).getElementsByTagName(child);
            for (int j = 0; j < children.getLength(); j++) {
                texts.add(children.item(j).getTextContent().strip());
            }
        }
        return texts;
    }
}
