package lt.smssafe.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The headers every answer of the WAR carries (docs/protocol.md §6) — pages, JSON, the gateway endpoints, errors:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a browser never reads our plain text or JSON (which may quote a
 *     stranger's text) as HTML or script;</li>
 * <li>{@code Content-Security-Policy: frame-ancestors 'none'}: no other site shows our pages in a frame, where it
 *     could make a visitor click what they do not see;</li>
 * <li>on {@code /check} also {@code Referrer-Policy: no-referrer}: the status page's URL holds the session code, a
 *     bearer secret, which a link or a loaded resource must not carry to another site. The whole of {@code /check}
 *     gets it, so that the rule needs no parameter (the failure filter reads those first) and the primer has nothing
 *     to lose by it. Not on the admin pages: with {@code no-referrer} a browser sends {@code Origin: null} on a form
 *     POST, which {@link AdminCsrfFilter} would refuse.</li>
 * </ul>
 * The headers are set before anything else runs, and set again whenever the response is reset (the failure filter
 * resets it to answer 503 or 500), so that no answer loses them.
 *
 * <p>Declared in {@code WEB-INF/web.xml} as the first filter, for requests and error dispatches. Answers the container
 * makes before the WAR sees the request (the 401 of BASIC authentication, a request line it cannot parse) do not
 * pass here: docs/deploy-tomcat.md says how to add them at the proxy.
 */
public final class SecurityHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean statusPage = "/check".equals(request.getServletPath());
        setHeaders(response, statusPage);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void reset() {
                super.reset();
                setHeaders(response, statusPage);
            }
        });
    }

    private static void setHeaders(HttpServletResponse response, boolean statusPage) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        if (statusPage) {
            response.setHeader("Referrer-Policy", "no-referrer");
        }
    }
}
