package lt.smssafe.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the webhook POSTs and the secret that signs it (docs/protocol.md §1 and §10). The secret is never shown by
 * {@link #toString()}.
 *
 * @param url {@code https:}, or {@code http:} to a loopback address for testing (see {@link #checkUrl})
 * @param secret the signing secret, at least {@link #SECRET_MIN_LENGTH} characters
 */
public record WebhookConfig(URI url, String secret) {
    /** docs/protocol.md §1: {@code webhook.secret} has at least 32 characters. */
    public static final int SECRET_MIN_LENGTH = 32;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public WebhookConfig {
        checkUrl(url);
        checkSecret(secret);
    }

    /**
     * The URL, if the webhook may POST to it: absolute, {@code https:}, or {@code http:} to a loopback address written
     * out — {@code localhost}, an address of 127.0.0.0/8 or {@code [::1]} (no name is looked up: what a name resolves
     * to may change) — and without credentials in it, which would end up in every log line that names it.
     *
     * @throws IllegalArgumentException saying why not, written to follow "'webhook.url' is invalid: "
     */
    public static URI checkUrl(URI url) {
        Objects.requireNonNull(url, "webhook URL is required");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("must be an absolute https: URL, not '" + url + "'");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry credentials: the receiver checks the signature");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException("must be https: (http: only to a loopback address such as"
                    + " http://127.0.0.1/, for testing), not '" + url + "'");
        }
        return url;
    }

    /**
     * The secret, if it is long enough; the reason never quotes it.
     *
     * @throws IllegalArgumentException saying why not
     */
    public static String checkSecret(String secret) {
        if (secret == null || secret.codePointCount(0, secret.length()) < SECRET_MIN_LENGTH) {
            throw new IllegalArgumentException("must be at least " + SECRET_MIN_LENGTH + " characters");
        }
        return secret;
    }

    /** Whether the host is {@code localhost} or a loopback address written as such; no name is resolved. */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost")) {
            return true;
        }
        boolean ipv6 = name.startsWith("[") && name.endsWith("]");
        if (!ipv6 && !IPV4.matcher(name).matches()) {
            return false;
        }
        try {
            // a literal address: getByName parses it and asks no resolver
            return InetAddress.getByName(ipv6 ? name.substring(1, name.length() - 1) : name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The URL without its query (which might carry a token of the receiver's); the secret never. */
    @Override
    public String toString() {
        return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?…") + " (secret hidden)";
    }
}
