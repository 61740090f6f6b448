package lt.smssafe.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lt.smssafe.SmsSafe;
import lt.smssafe.api.Redemption;
import lt.smssafe.api.SmsSafePayments;
import lt.smssafe.sms.RedemptionReference;

/**
 * {@code POST /redeem} (docs/protocol.md §9): the site's own server, in any language, spends a paid code once — the HTTP
 * face of {@link SmsSafePayments#redeem}, which decides. Form fields {@code code} and {@code reference},
 * {@code Authorization: Bearer <api.key>}. Every answer this servlet gives is JSON ({@code application/json}):
 * <ul>
 * <li>200 {@code {"result":"redeemed","reference":…,"redeemedAt":…,"session":{§6's status JSON}}}, also for a retry
 *     with the same reference (the first answer's values);</li>
 * <li>409 {@code {"result":"already redeemed"}}, {@code not paid yet}, {@code reversed}, {@code test payment};
 *     404 {@code unknown session} (also for a text that is not a code) — nothing more in them;</li>
 * <li>and for what §9 leaves to us: 404 {@code redeem is not configured} without {@code api.key} (whatever the method
 *     or key); 405 {@code method not allowed} with {@code Allow: POST} for anything but POST; 401
 *     {@code unauthorized} with {@code WWW-Authenticate: Bearer} for a missing or wrong key; 400
 *     {@code bad request: reference} for a reference that is missing or not 1–128 printable characters (a missing
 *     or blank code is malformed: 404 {@code unknown session}, as §9 says).</li>
 * </ul>
 * A database outage reaches {@link FailureFilter}: 503 with {@code Retry-After}, nothing spent, answered as plain text
 * like every gateway's (§9 gives that row no body), as are the filter's 400 and 413 for a request whose parameters
 * cannot be read; a client takes the status alone there. Not an admin page: no
 * container login and no CSRF check (a script posts here, with its key).
 */
@WebServlet(name = "redeem", urlPatterns = "/redeem")
public final class RedeemServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        Optional<String> apiKey = app.settings().apiKey();
        if (apiKey.isEmpty()) {
            answer(response, 404, "redeem is not configured");
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            answer(response, 405, "method not allowed");
            return;
        }
        if (!new BearerKey(apiKey.get()).admits(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"sms:safe\"");
            answer(response, 401, "unauthorized");
            return;
        }
        String code = request.getParameter("code");   // missing or blank is "malformed": §9's 404 below
        Optional<RedemptionReference> reference = RedemptionReference.parse(request.getParameter("reference"));
        if (reference.isEmpty()) {
            answer(response, 400, "bad request: reference");
            return;
        }
        Redemption redemption = SmsSafePayments.of(getServletContext()).redeem(code, reference.get().value());
        if (redemption instanceof Redemption.Redeemed redeemed) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("result", redeemed.result());
            fields.put("reference", redeemed.reference());
            fields.put("redeemedAt", redeemed.redeemedAt().toString());
            fields.put("session", StatusJson.of(redeemed.session()));
            JsonText.send(response, 200, fields);
        } else {
            Redemption.Refused refused = (Redemption.Refused) redemption;
            answer(response, refused.reason() == Redemption.Reason.UNKNOWN_SESSION ? 404 : 409, refused.result());
        }
    }

    private static void answer(HttpServletResponse response, int status, String result) throws IOException {
        JsonText.send(response, status, Map.of("result", result));
    }
}
