package lt.smssafe.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import lt.smssafe.queries.PaymentDetail;

/**
 * {@code /payment?code=CODE} (admin): one payment with its messages (time, cost, reply, outcome) and the runs of its
 * payment action; an unknown code is a 404.
 */
@WebServlet(name = "payment", urlPatterns = "/payment")
public final class PaymentServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String code = request.getParameter("code");
        Optional<PaymentDetail> detail = code == null ? Optional.empty()
                : SmsSafeListener.of(getServletContext()).payments().details().find(code);
        response.setStatus(detail.isPresent() ? 200 : 404);
        detail.ifPresent(d -> request.setAttribute("detail", d));
        request.setAttribute("code", code == null ? "" : code.length() > 20 ? code.substring(0, 20) : code);
        Views.render(request, response, "payment");
    }
}
