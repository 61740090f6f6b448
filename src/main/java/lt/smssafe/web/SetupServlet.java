package lt.smssafe.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import lt.smssafe.SmsSafe;
import lt.smssafe.persistence.DatabaseUnavailableException;
import lt.smssafe.persistence.SchemaMigrations;
import org.flywaydb.core.api.FlywayException;

/**
 * {@code /setup}, the PHP original's {@code setup.php} (admin only): GET shows which database is in use (a bound
 * DataSource or the embedded H2 fallback, so that a mistyped resource name is seen) and the schema's migrations with
 * their state; POST applies the pending ones. Applying twice changes nothing. A browser gets the page; a script
 * that does not ask for HTML gets one line of plain text.
 */
@WebServlet(name = "setup", urlPatterns = "/setup")
public final class SetupServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        render(request, response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        SchemaMigrations migrations = app.migrations();
        String outcome;
        try {
            int applied = migrations.migrate();
            app.summaryUpToDate();
            outcome = applied == 0 ? "Nothing to apply: the schema is up to date."
                    : "Applied " + applied + (applied == 1 ? " migration." : " migrations.");
        } catch (FlywayException | DatabaseUnavailableException e) {
            outcome = "Migration failed: " + e.getMessage();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
        if (!Views.wantsHtml(request)) {
            PlainText.send(response, response.getStatus(), outcome + "\n");
            return;
        }
        render(request, response, outcome);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String outcome)
            throws ServletException, IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        request.setAttribute("database", app.databaseDescription());
        SchemaMigrations migrations = app.migrations();
        try {
            List<SchemaMigrations.Migration> state = migrations.state();
            request.setAttribute("migrations", state);
            request.setAttribute("pending", state.stream().filter(SchemaMigrations.Migration::pending).count());
        } catch (FlywayException | DatabaseUnavailableException e) {
            request.setAttribute("error", "The database cannot be read: " + e.getMessage());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
        request.setAttribute("outcome", outcome);
        Views.render(request, response, "setup");
    }
}
