package lt.smssafe.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/webhooks-receivers.md shows the receivers and {@code /redeem} clients a shop copies exactly as the tests run
 * them: each file of src/test/resources/webhooks/ once, after a {@code <!-- path -->} line, in a fenced block that
 * is the file byte for byte. Changing a file without the document, or the document without the file, fails here.
 */
class ReceiverExamplesDocTest {
    private static final Path DOC = Path.of("docs", "webhooks-receivers.md");
    private static final Path EXAMPLES = Path.of("src", "test", "resources", "webhooks");
    private static final Pattern SHOWN = Pattern.compile(
            "<!-- (src/test/resources/webhooks/[^ ]+) -->\n```(php|js|python)\n(.*?)^```$", Pattern.DOTALL
                    | Pattern.MULTILINE);

    @Test
    void theDocumentShowsEveryExampleFileOnceExactlyAsTheTestsRunIt() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher block = SHOWN.matcher(doc);
        while (block.find()) {
            assertThat(shown.put(block.group(1), block.group(3))).as("%s shown twice", block.group(1)).isNull();
        }
        assertThat(doc.split("<!-- src/test/resources/webhooks/", -1)).as("every marker has its fenced block")
                .hasSize(shown.size() + 1);

        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.list(EXAMPLES)) {
            for (Path file : all.sorted().toList()) {
                files.put(EXAMPLES.resolve(file.getFileName()).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(files.keySet()).as("the examples").containsExactlyInAnyOrderElementsOf(List.of(
                "src/test/resources/webhooks/receiver.php", "src/test/resources/webhooks/receiver.js",
                "src/test/resources/webhooks/receiver.py", "src/test/resources/webhooks/redeem.php",
                "src/test/resources/webhooks/redeem.js", "src/test/resources/webhooks/redeem.py"));
        assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(files.keySet());
        files.forEach((path, text) -> assertThat(shown.get(path)).as("%s as %s shows it: change both", path, DOC)
                .isEqualTo(text));
    }
}
