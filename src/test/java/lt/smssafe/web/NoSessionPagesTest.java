package lt.smssafe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A JSP makes an HTTP session (and so a cookie) for every visitor unless it says {@code session="false"}: a public
 * page must not (docs/protocol.md §6). Only the admin pages' CSRF filter makes one, so every JSP says it, admin ones too.
 * {@code HardeningIT} checks the answers of the running WAR for {@code Set-Cookie}.
 */
class NoSessionPagesTest {
    @Test
    void everyJspSaysSessionFalse() throws IOException {
        List<Path> jsps;
        try (Stream<Path> files = Files.walk(Path.of("webapp"))) {
            jsps = files.filter(f -> f.toString().endsWith(".jsp")).toList();
        }

        assertThat(jsps).isNotEmpty().allSatisfy(jsp -> assertThat(Files.readString(jsp))
                .as("%s", jsp).containsPattern("<%@ page [^%]*session=\"false\""));
    }
}
