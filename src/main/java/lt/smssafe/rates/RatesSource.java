package lt.smssafe.rates;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where rates come from, over {@code http:}, {@code https:} or {@code file:}: the feed of one safe, {@code rates.url}
 * with {@code {safe}} and {@code {language}} filled in, or Fortumo's service-data XML, {@code fortumo.rates.url}.
 *
 * <p>Everything said about the source, in messages and logs, uses {@link #redacted()}: the URL without user info
 * and query string, since gateways put access tokens there. Made only by {@link #of} and {@link #fortumo}, which
 * check the URL.
 *
 * @param uri the URL as expanded, with any token in it: for fetching only, never for showing
 * @param file the local file of a {@code file:} URL; null for http(s)
 * @param redacted the URL without user info and query string, or the file's path: safe to log and to show
 * @param hidden the part of the URL never shown besides the query: Fortumo's file name; null when there is none
 */
record RatesSource(URI uri, Path file, String redacted, String hidden) {
    /** A real feed is kilobytes; anything past this is refused rather than held in memory. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    /** The redacted URL: a record would print every component, the token in {@code uri} too. */
    @Override
    public String toString() {
        return redacted;
    }

    /**
     * The source of {@code template}, the {@code rates.url} key, for this safe and language; the values are
     * URL-encoded.
     *
     * @throws IllegalArgumentException if the result is not an absolute http, https or file URL
     */
    static RatesSource of(String template, long safe, String language) {
        String expanded = template.replace("{safe}", encode(Long.toString(safe)))
                .replace("{language}", encode(language));
        return of("rates.url", expanded, false);
    }

    /**
     * The source of the {@code fortumo.rates.url} key, taken as it is: it is Fortumo's own URL. Fortumo's dashboard
     * gives it as {@code …/services/2/<service>.<signature>.xml}, a signature over the service's secret, so the file
     * name is never shown: {@code https://api.fortumo.com/api/services/2/...}.
     *
     * @throws IllegalArgumentException if it is not an absolute http, https or file URL
     */
    static RatesSource fortumo(String url) {
        return of("fortumo.rates.url", url, true);
    }

    private static RatesSource of(String key, String expanded, boolean hideFileName) {
        URI uri;
        try {
            uri = new URI(expanded);
        } catch (URISyntaxException e) {
            // not e.getMessage(): it repeats the whole URL, token and all
            throw new IllegalArgumentException(
                    key + " is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException(key + " has no host");
                }
                String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                String hidden = null;
                if (hideFileName && path.lastIndexOf('/') < path.length() - 1) {
                    hidden = path.substring(path.lastIndexOf('/') + 1);
                    path = path.substring(0, path.lastIndexOf('/') + 1) + "...";
                }
                String query = uri.getRawQuery() == null ? "" : "?...";
                return new RatesSource(uri, null, scheme + "://" + uri.getHost() + port + path + query, hidden);
            }
            case "file" -> {
                Path path = toPath(key, uri);
                return new RatesSource(uri, path, path.toString(), null);
            }
            default -> throw new IllegalArgumentException(key + " must start with http:, https: or file:");
        }
    }

    private static Path toPath(String key, URI uri) {
        try {
            return Path.of(uri);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new IllegalArgumentException(key + " is not a usable file URL (file:/absolute/path): "
                    + e.getMessage());
        }
    }

    /** Form encoding, but a space as {@code %20}: the values may land in the path, where {@code +} is a plus. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether fetching goes over the network. */
    boolean isHttp() {
        return file == null;
    }

    /**
     * Whether the feed comes over plain HTTP from another machine: anyone on the way can then change the rates (a
     * session of one message instead of three). A loopback address is exempt, as for the MBS client: nothing
     * travels on a network there.
     */
    boolean isPlainHttpOverNetwork() {
        String host = uri.getHost() == null ? "" : uri.getHost();
        return "http".equalsIgnoreCase(uri.getScheme()) && !("localhost".equalsIgnoreCase(host)
                || host.startsWith("127.") || "[::1]".equals(host));
    }

    /**
     * The feed's bytes: the body of a 200 answer, or the file's content.
     *
     * @param http used for http and https only
     * @param deadlines where an answer past its deadline is aborted
     * @throws RatesFetchException saying why, e.g. {@code no answer from http://… within 30 s}
     */
    byte[] fetch(HttpFeed http, ScheduledExecutorService deadlines) throws RatesFetchException {
        return file == null ? http.fetch(this, deadlines) : readFile();
    }

    private byte[] readFile() throws RatesFetchException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new RatesFetchException("the feed " + redacted + " is larger than " + megabytes());
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new RatesFetchException("cannot read " + redacted + ": no such file");
        } catch (IOException e) {
            throw new RatesFetchException("cannot read " + redacted + detail(e));
        }
    }

    /**
     * {@code ": "} and the first message down the cause chain, or nothing: the HTTP client's ConnectException for a
     * refused connection may have no message at all, and its class name would add nothing to "cannot connect".
     */
    String detail(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return ": " + scrub(t.getMessage());
            }
        }
        return failure instanceof ConnectException ? "" : ": " + failure.getClass().getSimpleName();
    }

    private String scrub(String message) {
        String scrubbed = message.replace(uri.toString(), redacted);
        scrubbed = hidden == null ? scrubbed : scrubbed.replace(hidden, "...");
        return uri.getRawQuery() == null ? scrubbed : scrubbed.replace(uri.getRawQuery(), "...");
    }

    static String megabytes() {
        return MAX_BYTES / (1024 * 1024) + " MB";
    }

    /** {@code 10 s}, or {@code 500 ms} for the short timeouts of tests. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
