package lt.smssafe.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of the WAR form no cycle, directly or through others: reading the code from one package down never
 * leads back to it. Nor do its parts, a part being a package of {@code lt.smssafe} with its subpackages
 * ({@code mbs.recording} and {@code mbs.wire} are {@code mbs}; {@code sms.dialect.fortumo} is {@code sms}): a
 * subpackage is its parent's detail, so a cycle through it is its parent's. {@code lt.smssafe} itself (the
 * assembly) and {@code api} (the public contract) are parts of their own. Built from the classes each file of
 * {@code src/main/java} names by their package: in its {@code import} lines and, written out in full
 * ({@code lt.smssafe.sms.PaidMessage}), in its code; comments and string literals do not count.
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern PACKAGE = Pattern.compile("^package (lt\\.smssafe[\\w.]*);", Pattern.MULTILINE);
    /** A class named with its package, in an import or in code: the package is group 1. */
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.])(lt\\.smssafe(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    /** Comments and string or character literals: text that may name a class without depending on it. */
    private static final Pattern NOT_CODE = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'", Pattern.DOTALL);

    @Test
    void noPackageReachesItselfThroughItsImports() throws IOException {
        Map<String, Set<String>> imports = imports();
        assertThat(imports).as("packages read from %s", SOURCES.toAbsolutePath()).containsKeys("lt.smssafe.sms",
                "lt.smssafe.action", "lt.smssafe.mbs.recording", "lt.smssafe.web");

        assertThat(cycles(imports)).as("packages that import their way back to themselves").isEmpty();
    }

    @Test
    void noPartReachesItselfThroughItsSubpackages() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        imports().forEach((from, targets) -> targets.stream().map(PackageCyclesTest::part)
                .filter(to -> !to.equals(part(from)))
                .forEach(to -> imports.computeIfAbsent(part(from), p -> new TreeSet<>()).add(to)));
        assertThat(imports).as("parts").containsKeys("lt.smssafe", "lt.smssafe.api", "lt.smssafe.mbs",
                "lt.smssafe.action");

        assertThat(cycles(imports)).as("parts (packages with their subpackages) that import their way back to"
                + " themselves").isEmpty();
    }

    @Test
    void aPartIsAPackageOfTheRootWithItsSubpackages() {
        assertThat(List.of("lt.smssafe", "lt.smssafe.api", "lt.smssafe.mbs", "lt.smssafe.mbs.recording",
                "lt.smssafe.sms.dialect.fortumo").stream().map(PackageCyclesTest::part)).containsExactly(
                "lt.smssafe", "lt.smssafe.api", "lt.smssafe.mbs", "lt.smssafe.mbs", "lt.smssafe.sms");
    }

    /** The package of {@code lt.smssafe} that {@code pkg} is or is under; {@code lt.smssafe} itself stays. */
    private static String part(String pkg) {
        int afterRoot = pkg.indexOf('.', "lt.smssafe.".length());
        return afterRoot < 0 ? pkg : pkg.substring(0, afterRoot);
    }

    /** For each node that imports its way back to itself, one such path. */
    private static Map<String, List<String>> cycles(Map<String, Set<String>> imports) {
        Map<String, List<String>> cycles = new TreeMap<>();
        for (String start : imports.keySet()) {
            List<String> path = pathBack(start, imports);
            if (!path.isEmpty()) {
                cycles.put(start, path);
            }
        }
        return cycles;
    }

    @Test
    void aClassWrittenOutInFullInCodeIsAReferenceButNotInACommentOrAString() {
        String source = """
                package lt.smssafe.sms.dialect.paysera;

                import lt.smssafe.sms.Answer;
                import static lt.smssafe.signing.Signatures.md5;

                /** Not code: {@link lt.smssafe.web.GatewayServlet}. */
                final class Example {
                    int max = lt.smssafe.sms.dialect.Parameters.MAX; // lt.smssafe.action.ActionRunner
                    String name = "lt.smssafe.api.SessionStatus";
                    char quote = '"'; Object view = lt.smssafe.SmsSafe.class; /* lt.smssafe.api.Payments */
                }
                """;

        assertThat(references(source)).containsExactlyInAnyOrder("lt.smssafe.sms", "lt.smssafe.signing",
                "lt.smssafe.sms.dialect", "lt.smssafe");
    }

    @Test
    void theMoneyPathsImportNoServletApi() throws IOException {
        Map<String, Set<String>> servletUsers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                if (pkg.find() && code(text).contains("jakarta.servlet.")) {
                    servletUsers.computeIfAbsent(pkg.group(1), p -> new TreeSet<>()).add(file.getFileName().toString());
                }
            }
        }
        assertThat(servletUsers.keySet()).containsOnly("lt.smssafe.web", "lt.smssafe.api");
    }

    /** A path of imports from {@code start} back to itself, or empty. */
    private static List<String> pathBack(String start, Map<String, Set<String>> imports) {
        Map<String, String> cameFrom = new HashMap<>();
        List<String> frontier = new ArrayList<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String from : frontier) {
                for (String to : imports.getOrDefault(from, Set.of())) {
                    if (to.equals(start)) {
                        List<String> path = new ArrayList<>(List.of(to, from));
                        for (String p = cameFrom.get(from); p != null; p = cameFrom.get(p)) {
                            path.add(p);
                        }
                        java.util.Collections.reverse(path);
                        return path;
                    }
                    if (seen.add(to)) {
                        cameFrom.put(to, from);
                        next.add(to);
                    }
                }
            }
            frontier = next;
        }
        return List.of();
    }

    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) {
                    continue;
                }
                Set<String> targets = imports.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
                references(text).stream().filter(to -> !to.equals(pkg.group(1))).forEach(targets::add);
            }
        }
        return imports;
    }

    /** The packages whose classes the source names, in imports or written out in full in its code. */
    private static Set<String> references(String source) {
        Set<String> packages = new TreeSet<>();
        Matcher reference = REFERENCE.matcher(code(source));
        while (reference.find()) {
            packages.add(reference.group(1));
        }
        return packages;
    }

    /** The source without its comments and string and character literals. */
    private static String code(String source) {
        return NOT_CODE.matcher(source).replaceAll(" ");
    }
}
