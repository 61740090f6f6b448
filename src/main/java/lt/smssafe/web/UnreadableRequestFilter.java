package lt.smssafe.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request whose parameters cannot be read — invalid percent-encoding ({@code %ZZ}), bytes that are not UTF-8
 * after decoding, an empty parameter name, a body larger than the container takes — is the caller's mistake:
 * {@code 400 bad request} ({@code 413 request too large} for the size), never the container's 500, which a gateway
 * would retry forever. The parameters are read here, once, before any endpoint looks at them; a container that
 * refuses them says so with an exception from {@code getParameterMap()}.
 */
@WebFilter(filterName = "unreadableRequests", urlPatterns = "/*")
public final class UnreadableRequestFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UnreadableRequestFilter.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            request.setCharacterEncoding("UTF-8");
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException e) {
            int status = status(e);
            LOG.info("sms:safe {} refused a request it cannot read ({}): {}", request.getServletPath(), status,
                    e.getMessage());
            PlainText.send(response, status, status == 413 ? "request too large" : "bad request");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Tomcat's {@code InvalidParameterException} carries the status it means (400, or 413 for a body over
     * {@code maxPostSize}); read it where it is there, else a bad request.
     */
    private static int status(RuntimeException e) {
        try {
            Method errorCode = e.getClass().getMethod("getErrorCode");
            Object code = errorCode.invoke(e);
            if (code instanceof Integer status && (status == 400 || status == 413)) {
                return status;
            }
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            // another container, or an older Tomcat: the request is a bad one all the same
        }
        return e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("size") ? 413 : 400;
    }
}
