package lt.smssafe.it;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import lt.smssafe.testing.MariaDbServer;
import lt.smssafe.testing.Folders;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build produced, as a site owner deploys it, plus a {@code META-INF/context.xml} that configures it the
 * way a site owner would in Tomcat: {@code <Environment>} entries and, optionally, a MariaDB {@code <Resource>}.
 */
public final class TestWar {
    private final String name;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String dataSource = "";
    private final StringBuilder valves = new StringBuilder();
    private final WebArchive war;

    private TestWar(String name) {
        this.name = name;
        this.war = ShrinkWrap.create(ZipImporter.class, name + ".war")
                .importFrom(new File(System.getProperty("smssafe.war", "target/smssafe.war")))
                .as(WebArchive.class);
        environment.put("data.dir", dataDir(name).toString());
        // a run starts with an empty embedded database, whatever an earlier run without clean left
        Folders.deleteTree(dataDir(name));
    }

    /** The built WAR, deployed at {@code /<name>}. */
    public static TestWar named(String name) {
        return new TestWar(name);
    }

    /** Where this deployment keeps its files (and, without a DataSource, its H2 database). */
    public static Path dataDir(String name) {
        return Path.of("target", "it-data", name).toAbsolutePath();
    }

    public TestWar with(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** Test classes the deployment needs, such as a payment action. */
    public TestWar withClasses(Class<?>... classes) {
        war.addClasses(classes);
        return this;
    }

    /** Binds {@code jdbc/smssafe} to a fresh database on the test JVM's real MariaDB. */
    public TestWar withMariaDb(String database) {
        return withMariaDbAt(MariaDbServer.get().createDatabase(database), 40, 5000);
    }

    /** Binds {@code jdbc/smssafe} to a fresh database with Tomcat's pool of this size and wait for a connection. */
    public TestWar withMariaDb(String database, int maxTotal, int maxWaitMillis) {
        return withMariaDbAt(MariaDbServer.get().createDatabase(database), maxTotal, maxWaitMillis);
    }

    /** Binds {@code jdbc/smssafe} to a MariaDB at this JDBC URL, e.g. one where nothing listens. */
    public TestWar withMariaDbAt(String url) {
        return withMariaDbAt(url, 5, 3000);
    }

    private TestWar withMariaDbAt(String url, int maxTotal, int maxWaitMillis) {
        dataSource = "  <Resource name=\"jdbc/smssafe\" auth=\"Container\" type=\"javax.sql.DataSource\""
                + " driverClassName=\"org.mariadb.jdbc.Driver\" url=\"" + xml(url) + "\""
                + " username=\"root\" password=\"\" maxTotal=\"" + maxTotal + "\" maxWaitMillis=\""
                + maxWaitMillis + "\"/>\n";
        return this;
    }

    /**
     * Tomcat's {@code RemoteIpValve} in the context, as docs/deploy-tomcat.md shows it behind a proxy: the test
     * client on the loopback interface is the trusted proxy, so its {@code X-Forwarded-For} is the caller's address
     * and its {@code X-Forwarded-Proto: https} makes the request secure.
     */
    public TestWar behindProxy() {
        valves.append("  <Valve className=\"org.apache.catalina.valves.RemoteIpValve\""
                + " internalProxies=\"127\\.0\\.0\\.1|0:0:0:0:0:0:0:1\" remoteIpHeader=\"X-Forwarded-For\""
                + " protocolHeader=\"X-Forwarded-Proto\"/>\n");
        return this;
    }

    public WebArchive build() {
        StringBuilder context = new StringBuilder("<Context>\n");
        environment.forEach((key, value) -> context.append("  <Environment name=\"smssafe/").append(key)
                .append("\" value=\"").append(xml(value)).append("\" type=\"java.lang.String\" override=\"false\"/>\n"));
        context.append(dataSource).append(valves).append("</Context>\n");
        return war.addAsManifestResource(new StringAsset(context.toString()), "context.xml");
    }

    /** Leaves {@code data.dir} to its default (docs/protocol.md §1), e.g. {@code ${jboss.server.data.dir}/smssafe}. */
    public TestWar withDefaultDataDir() {
        environment.remove("data.dir");
        return this;
    }

    /**
     * The WAR configured the portable way, for containers that read no {@code context.xml} (WildFly): the keys as
     * {@code <env-entry>}s of a web fragment in {@code WEB-INF/lib}, which the container merges into
     * {@code java:comp/env} as if they were in web.xml.
     */
    public WebArchive buildWithEnvEntries() {
        return buildWithEnvEntries("");
    }

    /** As {@link #buildWithEnvEntries()}, with more of the fragment's elements, e.g. a {@code <data-source>}. */
    public WebArchive buildWithEnvEntries(String moreElements) {
        StringBuilder fragment = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <name>smssafe_test_configuration</name>
                """);
        environment.forEach((key, value) -> fragment.append("  <env-entry><env-entry-name>smssafe/").append(key)
                .append("</env-entry-name><env-entry-type>java.lang.String</env-entry-type><env-entry-value>")
                .append(xml(value)).append("</env-entry-value></env-entry>\n"));
        fragment.append(moreElements).append("</web-fragment>\n");
        return war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "smssafe-test-configuration.jar")
                .addAsManifestResource(new StringAsset(fragment.toString()), "web-fragment.xml"));
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public String name() {
        return name;
    }
}
