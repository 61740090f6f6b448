package lt.smssafe.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import lt.smssafe.api.Redemption;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.api.SmsSafePayments;
import lt.smssafe.mbs.MbsDirect;

/**
 * The site owner's own code, as a test deployment runs it inside the web application (added to the WAR with
 * {@link TestWar#withClasses}, found by its annotation): it asks {@link SmsSafePayments} and writes what it got as
 * one line of text, so that an in-container test can check the public API where a site owner calls it.
 * <ul>
 * <li>{@code ?session=CODE} → {@code <state> closed=<isClosed> <content> <total> <currency>}, or {@code empty};</li>
 * <li>{@code ?redeem=CODE&reference=R} → {@code redeemed <reference> <redeemedAt> redeemed=<session.isRedeemed()>
 *     for=<session.redeemedFor()>}, or the refusal's {@code result()}, or
 *     {@code IllegalArgumentException: <message>};</li>
 * <li>{@code ?mbs=TRANSACTION_ID} → {@code configured=<mbsConfigured> report-url=<template or none> <status>
 *     <ident>} of that transaction as the WAR's own client loads it (or {@code unknown}), or
 *     {@code configured=false IllegalStateException: <message>} when {@code mbs()} refuses.</li>
 * </ul>
 */
@WebServlet("/it/payments-api")
public class PaymentsApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmsSafePayments payments = SmsSafePayments.of(getServletContext());
        String answer;
        if (request.getParameter("session") != null) {
            answer = session(payments.session(request.getParameter("session")));
        } else if (request.getParameter("redeem") != null) {
            answer = redeem(payments, request.getParameter("redeem"), request.getParameter("reference"));
        } else {
            answer = mbs(payments, Long.parseLong(request.getParameter("mbs")));
        }
        response.setContentType("text/plain; charset=UTF-8");
        response.getWriter().write(answer);
    }

    private static String session(Optional<SessionStatus> status) {
        return status.map(s -> s.stateCode() + " closed=" + s.isClosed() + " " + s.content() + " "
                + s.total().toPlainString() + " " + s.currency()).orElse("empty");
    }

    private static String redeem(SmsSafePayments payments, String code, String reference) {
        Redemption redemption;
        try {
            redemption = payments.redeem(code, reference);
        } catch (IllegalArgumentException e) {
            return e.toString();
        }
        if (redemption instanceof Redemption.Redeemed redeemed) {
            return "redeemed " + redeemed.reference() + " " + redeemed.redeemedAt() + " redeemed="
                    + redeemed.session().isRedeemed() + " for=" + redeemed.session().redeemedFor().orElse("-");
        }
        return redemption.result();
    }

    private static String mbs(SmsSafePayments payments, long transactionId) {
        String configured = "configured=" + payments.mbsConfigured() + " ";
        MbsDirect client;
        try {
            client = payments.mbs();
        } catch (IllegalStateException e) {
            return configured + e;
        }
        return configured + "report-url=" + client.reportUrl().orElse("none") + " " + client.getTransaction(
                transactionId).map(t -> t.status().wireName() + " " + t.ident()).orElse("unknown");
    }
}
