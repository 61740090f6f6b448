package lt.smssafe.rates;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The feed of one safe: {@code rates.url} with {@code {safe}} and {@code {language}} filled in, over
 * {@code http:}, {@code https:} or {@code file:}.
 *
 * <p>Everything said about the source, in messages and logs, uses {@link #redacted()}: the URL without user info
 * and query string, since providers put access tokens there.
 */
final class RatesSource {
    /** A real feed is kilobytes; anything past this is refused rather than held in memory. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final URI uri;
    private final Path file;
    private final String redacted;

    private RatesSource(URI uri, Path file, String redacted) {
        this.uri = uri;
        this.file = file;
        this.redacted = redacted;
    }

    /**
     * The source of {@code template} for this safe and language; the values are URL-encoded.
     *
     * @throws IllegalArgumentException if the result is not an absolute http, https or file URL
     */
    static RatesSource of(String template, long safe, String language) {
        String expanded = template.replace("{safe}", encode(Long.toString(safe)))
                .replace("{language}", encode(language));
        URI uri;
        try {
            uri = new URI(expanded);
        } catch (URISyntaxException e) {
            // not e.getMessage(): it repeats the whole URL, token and all
            throw new IllegalArgumentException(
                    "rates.url is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("rates.url has no host");
                }
                String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                String query = uri.getRawQuery() == null ? "" : "?...";
                return new RatesSource(uri, null, scheme + "://" + uri.getHost() + port + path + query);
            }
            case "file" -> {
                Path path = toPath(uri);
                return new RatesSource(uri, path, path.toString());
            }
            default -> throw new IllegalArgumentException("rates.url must start with http:, https: or file:");
        }
    }

    private static Path toPath(URI uri) {
        try {
            return Path.of(uri);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new IllegalArgumentException("rates.url is not a usable file URL (file:/absolute/path): "
                    + e.getMessage());
        }
    }

    /** Form encoding, but a space as {@code %20}: the values may land in the path, where {@code +} is a plus. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The URL as expanded, with any token in it: for fetching only, never for showing. */
    URI uri() {
        return uri;
    }

    /** The URL without user info and query string, or the file's path: safe to log and to show. */
    String redacted() {
        return redacted;
    }

    /** Whether fetching needs an {@link HttpClient}. */
    boolean isHttp() {
        return file == null;
    }

    /**
     * The feed's bytes: the body of a 200 answer, or the file's content.
     *
     * @param client used for http and https only
     * @param timeout for the whole answer, headers and body: a feed that starts and then stalls fails too
     * @throws RatesFetchException saying why, e.g. {@code no answer from http://… within 30 s}
     */
    byte[] fetch(HttpClient client, Duration timeout) throws RatesFetchException {
        return file == null ? fetchHttp(client, timeout) : readFile();
    }

    private byte[] fetchHttp(HttpClient client, Duration timeout) throws RatesFetchException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/xml, text/xml;q=0.9, */*;q=0.1")
                .GET()
                .build();
        // an error page is not read at all: its status is all the admin needs
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request,
                info -> info.statusCode() == 200 ? new LimitedBody(MAX_BYTES) : BodySubscribers.replacing(null));
        try {
            HttpResponse<byte[]> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new RatesFetchException("HTTP " + response.statusCode() + " from " + redacted);
            }
            return response.body();
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new RatesFetchException("no answer from " + redacted + " within " + format(timeout));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new RatesFetchException("interrupted while fetching " + redacted);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), client, timeout);
        }
    }

    private RatesFetchException failure(Throwable cause, HttpClient client, Duration timeout) {
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof LimitedBody.TooLargeException) {
            return new RatesFetchException("the feed from " + redacted + " is larger than " + megabytes());
        }
        if (cause instanceof HttpConnectTimeoutException) {
            Duration connect = client.connectTimeout().orElse(timeout);
            return new RatesFetchException("no answer from " + redacted + " within " + format(connect));
        }
        if (cause instanceof HttpTimeoutException) {
            return new RatesFetchException("no answer from " + redacted + " within " + format(timeout));
        }
        if (cause instanceof ConnectException) {
            return new RatesFetchException("cannot connect to " + redacted + detail(cause));
        }
        return new RatesFetchException("cannot fetch " + redacted + detail(cause));
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
     * refused connection has no message at all, and its class name would add nothing to "cannot connect".
     */
    private String detail(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return ": " + scrub(t.getMessage());
            }
        }
        return failure instanceof ConnectException ? "" : ": " + failure.getClass().getSimpleName();
    }

    private String scrub(String message) {
        String scrubbed = message.replace(uri.toString(), redacted);
        return uri.getRawQuery() == null ? scrubbed : scrubbed.replace(uri.getRawQuery(), "...");
    }

    private static String megabytes() {
        return MAX_BYTES / (1024 * 1024) + " MB";
    }

    /** {@code 10 s}, or {@code 500 ms} for the short timeouts of tests. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
