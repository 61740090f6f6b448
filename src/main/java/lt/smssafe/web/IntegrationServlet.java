package lt.smssafe.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lt.smssafe.SmsSafe;
import lt.smssafe.rates.Gateway;

/**
 * {@code /integration} (admin): the exact URLs to give each gateway and the MBS platform, which of them are on, and
 * how the site links buyers to {@code /check}, redeems a paid code (Java, {@code POST /redeem}) and asks for a
 * session's status (JSON, Java).
 */
@WebServlet(name = "integration", urlPatterns = "/integration")
public final class IntegrationServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        String url = request.getRequestURL().toString();
        String base = url.substring(0, url.length() - "integration".length());
        request.setAttribute("base", base);
        request.setAttribute("checkUrl", base + "check");
        request.setAttribute("fortumo", app.dialect(Gateway.FORTUMO).isPresent());
        request.setAttribute("paysera", app.dialect(Gateway.PAYSERA).isPresent());
        request.setAttribute("mbs", app.mbs().isPresent());
        request.setAttribute("redeem", app.settings().apiKey().isPresent());
        Views.render(request, response, "integration");
    }
}
