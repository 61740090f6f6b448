package lt.smssafe.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Protects the admin pages' forms against cross-site request forgery. A browser's POST must come from our own
 * origin and carry the form token of its session. A script's POST, with credentials but with neither a cookie nor
 * an {@code Origin} header (such as {@code curl -u admin:… -X POST …/setup} run by cron), is let through: a browser
 * tricked by another site always sends one of the two.
 *
 * <p>Declared in {@code WEB-INF/web.xml} for {@code /setup}, {@code /select} and {@code /cron}, after
 * {@link FailureFilter}: the token is read with {@code getParameter}, which fails on a body the container cannot
 * parse, and the failure filter has answered such a request with its 400 or 413 before it gets here.
 */
public final class AdminCsrfFilter extends HttpFilter {
    /** The form field and request attribute that carry the token. */
    public static final String TOKEN = "csrf";
    private static final String SESSION_KEY = AdminCsrfFilter.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            request.setAttribute(TOKEN, token(request.getSession()));
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        boolean fromBrowser = origin != null || request.getHeader("Cookie") != null;
        if (fromBrowser && !(sameOrigin(request, origin) && tokenMatches(request))) {
            PlainText.send(response, 403, "cross-site request refused: reload the page and submit its form again");
            return;
        }
        HttpSession session = request.getSession(false);
        request.setAttribute(TOKEN, token(session != null ? session : request.getSession()));
        chain.doFilter(request, response);
    }

    private static String token(HttpSession session) {
        Object token = session.getAttribute(SESSION_KEY);
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            session.setAttribute(SESSION_KEY, token);
        }
        return (String) token;
    }

    private static boolean tokenMatches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String sent = request.getParameter(TOKEN);
        if (session == null || sent == null || !(session.getAttribute(SESSION_KEY) instanceof String expected)) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** No Origin (an older browser that sent a cookie) leaves the token alone to decide. */
    private static boolean sameOrigin(HttpServletRequest request, String origin) {
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
            return request.getScheme().equalsIgnoreCase(uri.getScheme())
                    && request.getServerName().toLowerCase(Locale.ROOT).equals(String.valueOf(uri.getHost())
                            .toLowerCase(Locale.ROOT))
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
