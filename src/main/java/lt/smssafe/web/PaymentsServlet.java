package lt.smssafe.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import lt.smssafe.SmsSafe;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.queries.PaymentFilter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code /payments} (admin): every payment, newest activity first (by phone with a phone filter, by reversal for the
 * reversed ones), 50 a page with an "older" link that goes on from the last one shown, filtered by code, phone (its start),
 * content, country, operator, gateway, state, redeemed or not (docs/protocol.md §9) and days; the MBS transactions of
 * those days below. With
 * {@code format=csv} the same filtered list as CSV for accounting: UTF-8 with a header row, money with two decimals,
 * times in ISO-8601 with the zone, streamed row by row; no cell can be read as a spreadsheet formula
 * ({@link CsvCell}).
 */
@WebServlet(name = "payments", urlPatterns = "/payments")
public final class PaymentsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final List<String> FIELDS = List.of("code", "msisdn", "content", "country", "provider", "dialect",
            "state", "redeemed", "from", "to");
    private static final String[] CSV_HEADER = {"code", "state", "gateway", "test", "phone", "country", "operator",
        "content", "messages", "required", "total", "currency", "opened_at", "last_message_at", "closed_at",
        "reversed_at", "reversed_total", "redeemed_at", "redeemed_for"};

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        PaymentFilter filter = PaymentFilter.of(request.getParameter("code"), request.getParameter("msisdn"),
                request.getParameter("content"), request.getParameter("country"), request.getParameter("provider"),
                request.getParameter("dialect"), request.getParameter("state"), request.getParameter("redeemed"),
                request.getParameter("from"), request.getParameter("to"));
        if ("csv".equals(request.getParameter("format"))) {
            csv(app, filter, response);
            return;
        }
        for (String field : FIELDS) {
            String value = request.getParameter(field);
            request.setAttribute("filter_" + field, value == null ? "" : value.strip());
        }
        request.setAttribute("page", app.payments().list().page(filter, request.getParameter("cursor")));
        request.setAttribute("transactions", app.payments().transactions().latest(filter));
        request.setAttribute("states", PaymentFilter.STATES);
        request.setAttribute("redeemedChoices", PaymentFilter.REDEEMED);
        request.setAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        Views.render(request, response, "payments");
    }

    private static void csv(SmsSafe app, PaymentFilter filter, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"smssafe-payments.csv\"");
        response.setHeader("Cache-Control", "no-store");
        ZoneId zone = app.settings().timezone();
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        Writer out = response.getWriter();
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get());
        try {
            app.payments().list().forEach(filter, s -> row(printer, s, iso));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
    }

    private static void row(CSVPrinter printer, SessionStatus s, DateTimeFormatter iso) {
        try {
            Object[] cells = {s.code(), s.isReversed() ? "reversed" : s.stateCode(), s.dialect(), s.test(),
                s.msisdn(), s.country(), s.operator(), s.content(), s.received(), s.required(),
                s.total().setScale(2, RoundingMode.UNNECESSARY), s.currency(), iso.format(s.openedAt()),
                iso.format(s.lastMessageAt()), time(s.closedAt(), iso), time(s.reversedAt(), iso),
                s.reversedTotal().setScale(2, RoundingMode.UNNECESSARY), time(s.redeemedAt(), iso),
                s.redeemedFor().orElse("")};
            printer.printRecord(Arrays.stream(cells).map(CsvCell::of));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(Optional<java.time.Instant> instant, DateTimeFormatter iso) {
        return instant.map(iso::format).orElse("");
    }
}
