package lt.smssafe.mbs;

import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.signing.TimeWindow;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Plays the site that receives billing reports, as the report servlet will: it hands the request's parameters to
 * a {@link BillingReportReader} and answers {@code OK}, the refusal's reason, or 503 when the platform could not
 * be asked. It keeps what it read, so tests can assert on it.
 */
final class ReportSite implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Transaction> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private volatile BillingReportReader reader;

    private ReportSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/report", this::handle);
        server.start();
    }

    static ReportSite start() {
        return new ReportSite();
    }

    /** The client whose reports this site reads. */
    ReportSite readingWith(MbsDirect client) {
        this.reader = new BillingReportReader(client, TimeWindow.standard());
        return this;
    }

    /** The report URL, to put a template's query after. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/report";
    }

    /** The reported transactions as the platform described them when their reports were read. */
    List<Transaction> accepted() {
        return List.copyOf(accepted);
    }

    /** The answers of refused reports, e.g. {@code 403 checksum failed}. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int status;
        String body;
        try {
            accepted.add(reader.read(parameters(exchange.getRequestURI().getRawQuery())));
            status = 200;
            body = "OK";
        } catch (RejectedRequestException e) {
            status = e.reason().httpStatus();
            body = e.getMessage();
        } catch (MbsException e) {
            status = 503;
            body = e.getMessage();
        }
        if (status != 200) {
            refused.add(status + " " + body);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A query string as a servlet container reads it: decoded as UTF-8, repeated names kept. */
    static Map<String, String[]> parameters(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
