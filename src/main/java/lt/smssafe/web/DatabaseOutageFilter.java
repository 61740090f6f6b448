package lt.smssafe.web;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lt.smssafe.persistence.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages that read the database answer {@code 503 try again later} with {@code Retry-After} while it cannot be
 * reached, instead of the container's 500: the visitor did nothing wrong and the page will work again.
 * ({@code /result} handles this itself, because it must also keep nothing.)
 */
@WebFilter(filterName = "databaseOutage", urlPatterns = {"/check", "/select"})
public final class DatabaseOutageFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (DatabaseUnavailableException | PersistenceException e) {
            LOG.warn("sms:safe {} answered 503: {}", request.getServletPath(), e.toString());
            if (!response.isCommitted()) {
                response.reset();
                PlainText.tryAgainLater(response);
            }
        }
    }
}
