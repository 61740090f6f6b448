package lt.smssafe.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import lt.smssafe.sms.dialect.smssafe.NotificationRequest;
import lt.smssafe.sms.dialect.smssafe.NotificationSigner;

/**
 * Notifications of paid SMS as the sms:safe gateway sends them to {@code /result} (docs/protocol.md §2), built and
 * signed by the production {@link NotificationRequest} with the benchmark's values, and the files of pre-signed
 * request lines that wrk replays: one file per wrk thread, each line a path with its query.
 */
final class SignedRequests {
    static final String COUNTRY = "lt";
    static final String SHORTCODE = "1337";
    static final String CONTENT = "bench";
    static final String COST = "1.45";
    static final String CURRENCY = "EUR";
    /** The operator of scenario 1's phones: N = 3 in the benchmark's rates, so a first message starts a session. */
    static final String NEW_PHONES = "bench_new";
    /** The operator of scenarios 2 and 3: N = 100, the most the rates allow, so that sessions stay open. */
    static final String OPEN_SESSIONS = "bench_open";
    /** The operator of the webhook comparison's closing messages: N = 1, so a first message closes its session. */
    static final String CLOSING = "bench_paid";

    private final long safe;
    private final NotificationSigner signer;

    SignedRequests(long safe, NotificationSigner signer) {
        this.safe = safe;
        this.signer = signer;
    }

    /** The ten signed values of a notification, in the protocol's order. */
    Map<String, String> values(String messageId, String msisdn, String operator, long epochSecond) {
        return new NotificationRequest(String.valueOf(safe), messageId, msisdn, CONTENT, String.valueOf(epochSecond))
                .set("country", COUNTRY).set("provider", operator).set("shortcode", SHORTCODE)
                .set("cost_local", COST).set("currency", CURRENCY).values();
    }

    /** The values with their signature added. */
    Map<String, String> signed(Map<String, String> values) {
        return NotificationRequest.signed(values, signer);
    }

    /** {@code /<context>/result?…} of a signed notification. */
    String line(Side side, String messageId, String msisdn, String operator, long epochSecond) {
        return path(side, signed(values(messageId, msisdn, operator, epochSecond)));
    }

    /** {@code /<context>/result?…} of these parameters, URL-encoded. */
    static String path(Side side, Map<String, String> parameters) {
        StringBuilder path = new StringBuilder("/").append(side.context).append("/result");
        char separator = '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            path.append(separator).append(p.getKey()).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return path.toString();
    }

    /**
     * Writes {@code count} request lines into {@code <prefix>-<t>.txt}: line {@code j} goes to thread
     * {@code j % threads}, so each thread replays its own slice in order.
     */
    static List<Path> write(Path prefix, int threads, int count, IntFunction<String> line) throws IOException {
        Files.createDirectories(prefix.getParent());
        List<Path> files = new ArrayList<>();
        List<BufferedWriter> writers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Path file = prefix.resolveSibling(prefix.getFileName() + "-" + t + ".txt");
                files.add(file);
                writers.add(Files.newBufferedWriter(file, StandardCharsets.US_ASCII));
            }
            for (int j = 0; j < count; j++) {
                BufferedWriter writer = writers.get(j % threads);
                writer.write(line.apply(j));
                writer.write('\n');
            }
        } finally {
            for (BufferedWriter writer : writers) {
                writer.close();
            }
        }
        return files;
    }
}
