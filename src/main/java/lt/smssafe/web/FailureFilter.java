package lt.smssafe.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lt.smssafe.SmsSafe;
import lt.smssafe.logging.LogText;
import lt.smssafe.mbs.MbsUnavailableException;
import lt.smssafe.persistence.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every endpoint answers when its work failed, so that the caller can tell an outage from a defect:
 * <ul>
 * <li>the database or the MBS platform cannot be reached → {@code 503 try again later} with {@code Retry-After},
 *     logged as a warning: the caller did nothing wrong, nothing was kept, and a retry will work once it is back;</li>
 * <li>anything else is a defect → {@code 500 internal error} with no detail, logged at ERROR with its stack trace,
 *     so that someone sees it instead of a gateway retrying an "outage" forever.</li>
 * </ul>
 * A caller's own mistakes never get here: each endpoint answers them itself (400, 403, 404, 409). One of them is
 * answered here, before any endpoint runs: a request whose parameters cannot be read at all — invalid
 * percent-encoding ({@code %ZZ}), bytes that are not UTF-8, an empty parameter name, a body larger than the container
 * takes — gets {@code 400 bad request} ({@code 413 request too large} for the size), never the container's 500, which
 * a gateway would retry forever. Every answer, whichever it is, is counted in the node's metrics.
 *
 * <p>Declared in {@code WEB-INF/web.xml} as the first filter of every request, so that no other filter reads the
 * parameters before this one (annotations would leave the order to the container).
 */
public final class FailureFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FailureFilter.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException e) {
            int status = unreadableStatus(e);
            // the container's message may quote the parameter it could not read
            LOG.info("sms:safe {} refused a request it cannot read ({}): {}", LogText.of(request.getServletPath()),
                    status, LogText.of(e.getMessage()));
            PlainText.send(response, status, status == 413 ? "request too large" : "bad request");
            count(request, status);
            return;
        }
        try {
            chain.doFilter(request, response);
            count(request, response.getStatus());
        } catch (RuntimeException | ServletException e) {
            Throwable outage = outage(e);
            if (outage != null) {
                LOG.warn("sms:safe {} answered 503: {}", LogText.of(request.getServletPath()),
                        LogText.of(outage.toString()));
            } else {
                LOG.error("sms:safe {} {} failed: a defect, answered 500", request.getMethod(),
                        LogText.of(request.getServletPath()), e);
            }
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            if (outage != null) {
                PlainText.tryAgainLater(response);
            } else {
                PlainText.send(response, 500, "internal error");
            }
            count(request, response.getStatus());
        }
    }

    /**
     * The status a container's refusal of the parameters means: Tomcat's {@code InvalidParameterException} carries
     * it ({@code getErrorCode()}: 400, or 413 for a body over {@code maxPostSize}); anything else is a bad request.
     */
    private static int unreadableStatus(RuntimeException e) {
        try {
            if (e.getClass().getMethod("getErrorCode").invoke(e) instanceof Integer status && status == 413) {
                return 413;
            }
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            // another container: a bad request all the same
        }
        return 400;
    }

    /** Every answer counts in the node's metrics, by endpoint and status. */
    private void count(HttpServletRequest request, int status) {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        if (app != null) {
            app.metrics().answered(request.getServletPath(), status);
        }
    }

    /** The outage behind the failure, also when a JSP or the container wrapped it; null for a defect. */
    private static Throwable outage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof MbsUnavailableException) {
                return t;
            }
            if (t instanceof ServletException servlet && servlet.getRootCause() != null
                    && servlet.getRootCause() != servlet.getCause()) {
                return outage(servlet.getRootCause());
            }
        }
        return null;
    }
}
