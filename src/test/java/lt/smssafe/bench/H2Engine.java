package lt.smssafe.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import lt.smssafe.bench.baseline.BaselineApp;
import lt.smssafe.testing.Folders;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded H2 database, the default most site owners start with: the WAR uses its own fallback (nothing bound,
 * an H2 file in {@code data.dir} behind its pool of 10); the baseline an H2 file of its own with the same URL options
 * and pool. Each file can only be opened by the JVM that has it open, so while Tomcat runs the benchmark goes through
 * the SQL probe inside each application.
 */
final class H2Engine extends Engine {
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    H2Engine(Path dir, int port) {
        super(dir);
        this.port = port;
    }

    @Override
    String name() {
        return "h2";
    }

    @Override
    String label() {
        return "embedded H2";
    }

    @Override
    void reset() {
        Folders.deleteTree(warDataDir(Side.WAR));
        Folders.deleteTree(warDataDir(Side.HOOK));
        Folders.deleteTree(baselineFile().getParent());
    }

    @Override
    DataSource dataSource(Side side) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url(side));
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    @Override
    List<List<String>> query(Side side, String sql) throws IOException, InterruptedException {
        return probe(side, "sql=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)).lines()
                .map(line -> Arrays.asList(line.split("\t", -1))).toList();
    }

    @Override
    long execute(Side side, List<String> statements) throws IOException, InterruptedException {
        return Long.parseLong(probe(side, statements.stream()
                .map(sql -> "execute=" + URLEncoder.encode(sql, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"))).strip());
    }

    @Override
    List<String> truncate(List<String> tables) {
        List<String> sql = new ArrayList<>();
        sql.add("SET REFERENTIAL_INTEGRITY FALSE");
        tables.forEach(table -> sql.add("TRUNCATE TABLE " + table + " RESTART IDENTITY"));
        sql.add("SET REFERENTIAL_INTEGRITY TRUE");
        return sql;
    }

    /** Asks the application's SQL probe; its answer's body. */
    private String probe(Side side, String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + side.context
                        + "/bench-probe"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the SQL probe of " + side.label + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    String warContextExtras(Side side) {
        return "  <Parameter name=\"bench.probe.url\" value=\"" + xml(url(side)) + "\" override=\"false\"/>";
    }

    @Override
    boolean probesWar() {
        return true;
    }

    @Override
    String baselineDatabase() {
        return "  <Parameter name=\"baseline.h2\" value=\"" + xml(baselineFile().toString()) + "\" override=\"false\"/>\n"
                + "  <Parameter name=\"bench.probe.url\" value=\"" + xml(url(Side.BASELINE)) + "\" override=\"false\"/>";
    }

    /** The URL each application opens its file with: the WAR's is {@code DataSourceLocator.embedded}'s. */
    private String url(Side side) {
        return BaselineApp.h2Url(side.war() ? warDataDir(side).resolve("smssafe").toString()
                : baselineFile().toString());
    }

    private Path baselineFile() {
        return dir.resolve("baseline-data").resolve("baseline");
    }

    @Override
    String series(long from, long to) {
        return "SELECT X AS n FROM SYSTEM_RANGE(" + from + ", " + to + ")";
    }

    @Override
    String div(String a, long b) {
        return "((" + a + ") / " + b + ")";
    }

    @Override
    String text(String number) {
        return "CAST(" + number + " AS VARCHAR(20))";
    }

    private static String xml(String value) {
        return lt.smssafe.demo.DemoTomcat.xml(value);
    }
}
