package lt.smssafe.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lt.smssafe.testing.Folders;

/**
 * A Tomcat of its own for the demo: the Tomcat the build unpacked ({@code CATALINA_HOME}) run from a fresh
 * {@code CATALINA_BASE}, with the WAR deployed at {@code /smssafe} by a context file that holds the whole sms:safe
 * configuration as {@code <Environment>} entries (docs/protocol.md §1, first source) and mounts the demo's payment
 * action into the application. The WAR itself is the production WAR, unchanged. The benchmark
 * ({@code lt.smssafe.bench}) runs its Tomcat the same way, with a {@code <Resource>} and a second application.
 */
public final class DemoTomcat implements AutoCloseable {
    static final String CONTEXT = "smssafe";
    static final String HARDENED_ERRORS =
            "<Valve className=\"org.apache.catalina.valves.ErrorReportValve\" showReport=\"false\" showServerInfo=\"false\"/>";

    private final Path home;
    private final Path base;
    private final int port;
    private final Map<String, String> otherContexts = new LinkedHashMap<>();
    private String contextExtras = "";
    private String jvmOptions = "";
    private Process process;

    public DemoTomcat(Path home, Path base, int port) {
        this.home = home.toAbsolutePath();
        this.base = base.toAbsolutePath();
        this.port = port;
    }

    /** The WAR's base URL, ending in {@code /}. */
    public URI app() {
        return URI.create("http://localhost:" + port + "/" + CONTEXT + "/");
    }

    /** The context file a site owner would write: where the configuration of this demo lives. */
    public Path contextFile() {
        return base.resolve("conf/Catalina/localhost/" + CONTEXT + ".xml");
    }

    /**
     * Prepares the base and starts Tomcat.
     *
     * @param settings sms:safe keys and values
     * @param actionClasses a class folder added to the application's {@code WEB-INF/classes}, or null for none
     * @param systemProperties extra {@code -D} options of Tomcat's JVM
     * @param output where Tomcat's console goes
     */
    public void start(Path war, Map<String, String> settings, Path actionClasses,
            Map<String, String> systemProperties, ProcessBuilder.Redirect output) throws IOException {
        prepareBase(war, settings, actionClasses);
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/catalina.sh").toString(), "run")
                .redirectErrorStream(true).redirectOutput(output);
        builder.environment().put("CATALINA_HOME", home.toString());
        builder.environment().put("CATALINA_BASE", base.toString());
        builder.environment().put("CATALINA_OPTS", (jvmOptions + " " + systemProperties.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))).strip());
        process = builder.start();
    }

    /** Waits until the WAR answers its start page, or Tomcat dies, or the time is up. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(app()).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // Tomcat is still starting
            }
            Thread.sleep(500);
        }
        return false;
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * From the next start on, also puts this XML inside the WAR's {@code <Context>}: a {@code <Resource>} as a site
     * owner binds the database, or {@code <Parameter>}s.
     */
    public void contextExtras(String xml) {
        contextExtras = xml;
    }

    /** From the next start on, also gives Tomcat's JVM these options, e.g. {@code -Xms2g -Xmx2g}. */
    public void jvmOptions(String options) {
        jvmOptions = options;
    }

    /** From the next start on, also deploys another application by a context file {@code <name>.xml}. */
    public void otherContext(String name, String contextXml) {
        otherContexts.put(name, contextXml);
    }

    /** Stops Tomcat the way Ctrl+C would (SIGTERM: a clean shutdown) and waits for it. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Kills Tomcat's JVM at once, as {@code kill -9} or a crash would (SIGKILL: no shutdown hook, no undeploy, its
     * connections cut), and waits until it is gone. {@code catalina.sh run} execs the JVM, so the process is Tomcat.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private void prepareBase(Path war, Map<String, String> settings, Path actionClasses) throws IOException {
        Folders.deleteTree(base);
        for (String dir : List.of("conf/Catalina/localhost", "webapps", "logs", "temp", "work")) {
            Files.createDirectories(base.resolve(dir));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : conf.filter(Files::isRegularFile).toList()) {
                Files.copy(file, base.resolve("conf").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // this Tomcat's own HTTP port, no shutdown port (Ctrl+C or close() stops it), and error pages hardened as
        // docs/deploy-tomcat.md tells a site owner: no exception names, no version, for requests Tomcat refuses
        // itself
        Path serverXml = base.resolve("conf/server.xml");
        String hardened = Files.readString(serverXml)
                .replace("port=\"8080\"", "port=\"" + port + "\"")
                .replace("port=\"8005\"", "port=\"-1\"")
                .replaceFirst("(<Host [^>]*>)", "$1\n        " + HARDENED_ERRORS);
        if (!hardened.contains(HARDENED_ERRORS)) {
            throw new IllegalStateException("no <Host> in " + serverXml);
        }
        Files.writeString(serverXml, hardened);
        Files.writeString(contextFile(), warContext(war, settings, actionClasses, contextExtras));
        for (Map.Entry<String, String> other : otherContexts.entrySet()) {
            Files.writeString(contextFile().resolveSibling(other.getKey() + ".xml"), other.getValue());
        }
    }

    /**
     * The context file of the WAR as this Tomcat deploys it: the settings as {@code <Environment>} entries, the class
     * folder (or null) mounted into {@code WEB-INF/classes}, and the extra XML; for {@link #otherContext} too, to
     * deploy the WAR a second time with other settings.
     */
    public static String warContext(Path war, Map<String, String> settings, Path actionClasses, String extras) {
        String environment = settings.entrySet().stream()
                .map(e -> "  <Environment name=\"smssafe/" + xml(e.getKey()) + "\" value=\"" + xml(e.getValue())
                        + "\" type=\"java.lang.String\" override=\"false\"/>")
                .collect(Collectors.joining("\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the demo (mvn -Prun package) on each start: the production WAR, configured the way a
                     site owner configures it in Tomcat, plus the demo's payment action added from outside the WAR. -->
                <Context docBase="%s">
                %s
                %s
                %s
                </Context>
                """.formatted(xml(war.toAbsolutePath().toString()), actionClasses == null ? "" : "  <Resources>\n"
                        + "    <PreResources className=\"org.apache.catalina.webresources.DirResourceSet\"\n"
                        + "                  base=\"" + xml(actionClasses.toAbsolutePath().toString())
                        + "\" webAppMount=\"/WEB-INF/classes\"/>\n  </Resources>", environment, extras);
    }

    /** The value escaped for an XML attribute. */
    public static String xml(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
