package lt.smssafe.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lt.smssafe.SmsSafe;
import lt.smssafe.i18n.Language;

/** Rendering helpers shared by the servlets: JSP views, and telling a browser from a script or an API client. */
final class Views {
    private Views() {
    }

    /**
     * Forwards to {@code /WEB-INF/views/<name>.jsp}; the JSP escapes every value it shows. Every view gets the
     * times formatter ({@code times}) in the page's language; the shop's name is the context's {@code siteName}.
     */
    static void render(HttpServletRequest request, HttpServletResponse response, String name)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        SmsSafe app = SmsSafeListener.of(request.getServletContext());
        if (app != null) {
            Object lang = request.getAttribute("lang");
            Language language = lang == null ? Language.EN : Language.parse(String.valueOf(lang));
            request.setAttribute("times", new PageTimes(language, app.settings().timezone()));
        }
        request.getRequestDispatcher("/WEB-INF/views/" + name + ".jsp").forward(request, response);
    }

    /** A browser asks for HTML; curl and scripts usually do not, and get plain text. */
    static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** {@code ?format=json}, or an {@code Accept} that names JSON. */
    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "json".equals(request.getParameter("format"))
                || accept != null && accept.contains("application/json");
    }
}
