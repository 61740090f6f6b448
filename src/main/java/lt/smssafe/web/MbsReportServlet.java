package lt.smssafe.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import lt.smssafe.SmsSafe;
import lt.smssafe.mbs.BillingReportReader;
import lt.smssafe.mbs.MbsRefusedException;
import lt.smssafe.mbs.MbsState;
import lt.smssafe.mbs.Transaction;
import lt.smssafe.mbs.TransactionReference;
import lt.smssafe.signing.RejectedRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /mbs/report}: the MBS platform's billing reports (docs/protocol.md §7), the servlet side of the PHP
 * {@code Direct::getBillInformation()}. Point the report-URL template here, e.g.
 * {@code https://your.site/smssafe/mbs/report?t=%t}. A report is verified (signature, service, time), then the
 * transaction is loaded from the platform with {@code getTransaction} — the report itself is never trusted for
 * money — and recorded; a committed transaction owes the payment action once, however often it is reported.
 * Answers {@code OK}; {@code 400/403/404} for a bad, forged, stale or foreign report; 503 (through
 * {@link FailureFilter}) while the platform or the database cannot be reached, so that the platform reports again.
 */
@WebServlet(name = "mbsReport", urlPatterns = "/mbs/report")
public final class MbsReportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MbsReportServlet.class);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        Optional<BillingReportReader> reports = app.billingReports();
        if (reports.isEmpty()) {
            PlainText.send(response, 404, "MBS billing is not configured");
            return;
        }
        try {
            Transaction t = reports.get().read(request.getParameterMap());
            boolean owed = app.billing().record(t);
            LOG.info("sms:safe MBS report of transaction {} recorded as {}{}", TransactionReference.of(t),
                    t.status().wireName(), owed ? "; payment action owed" : "");
            PlainText.send(response, 200, "OK");
        } catch (RejectedRequestException e) {
            PlainText.send(response, e.status(), e.answer());
        } catch (MbsRefusedException e) {
            boolean unknown = MbsState.TRANSACTION_NOT_FOUND.equals(e.state());
            PlainText.send(response, unknown ? 404 : 502, unknown ? "unknown transaction" : "refused: " + e.state());
        }
    }
}
