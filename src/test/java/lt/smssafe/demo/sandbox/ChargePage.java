package lt.smssafe.demo.sandbox;

import static lt.smssafe.demo.sandbox.Html.escape;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import lt.smssafe.mbs.BillRequest;
import lt.smssafe.mbs.MbsDirect;
import lt.smssafe.mbs.MbsException;
import lt.smssafe.mbs.Transaction;
import lt.smssafe.mbs.TransactionStatus;
import lt.smssafe.testing.mbs.SandboxMbs;

/**
 * {@code /charge}: the "charge by MBS" demo. It does what a site owner's own code does with the WAR's
 * {@link MbsDirect} client: bill a registered mobile account (the money is reserved), then commit it once the
 * service is delivered, or roll it back. The sandbox MBS platform then reports to sms:safe's {@code /mbs/report},
 * which loads the transaction from the platform and runs the payment action for a commit.
 */
final class ChargePage implements Exchanges.Page {
    private final SandboxMbs platform;
    private final MbsDirect client;
    private final String clientCode;
    private volatile String lastNote = "";

    ChargePage(SandboxMbs platform, MbsDirect client, String clientCode) {
        this.platform = platform;
        this.client = client;
        this.clientCode = clientCode;
    }

    @Override
    public void post(HttpExchange exchange) throws IOException {
        Map<String, String> form = Exchanges.parameters(exchange);
        try {
            String action = form.getOrDefault("do", "bill");
            if ("bill".equals(action)) {
                long cents = new BigDecimal(form.getOrDefault("price", "")).movePointRight(2).longValueExact();
                Transaction transaction = client.bill(form.getOrDefault("account", ""),
                        BillRequest.sms(form.getOrDefault("ident", ""), "Thank you for your order", cents, "EUR"));
                lastNote = "Transaction " + transaction.transactionId() + " " + describe(transaction);
            } else {
                long id = Long.parseLong(form.getOrDefault("transaction", ""));
                Transaction transaction = "commit".equals(action) ? client.commitTransaction(id)
                        : client.rollBackTransaction(id);
                lastNote = "Transaction " + id + " " + describe(transaction);
            }
        } catch (MbsException e) {
            lastNote = "the platform said no: " + e.description();
        } catch (NumberFormatException | ArithmeticException e) {
            lastNote = "a price is a number of euros with at most two decimals, e.g. 2.50";
        } catch (IllegalArgumentException e) {
            lastNote = "not sent: " + e.getMessage();
        }
        Exchanges.redirect(exchange, "/charge");
    }

    @Override
    public void get(HttpExchange exchange) throws IOException {
        StringBuilder body = new StringBuilder("""
                <p class="notice">Direct carrier billing charges a registered mobile account without any SMS from
                the buyer. Your site's code does it with the WAR's client, as this page does:</p>
                <pre>%s</pre>
                <p>Here a sandbox MBS platform plays the operator. After every change it sends a signed billing report
                to sms:safe's <code>/mbs/report</code>; for a commit, sms:safe runs your payment action once: see
                <a href="/payments">what the payment action received</a>.</p>
                """.formatted(escape(clientCode)));
        if (!lastNote.isEmpty()) {
            body.append("<p class=\"notice\" id=\"note\">").append(escape(lastNote)).append("</p>");
        }
        body.append("<h2>Accounts</h2><div class=\"scroll\"><table class=\"stack\"><tr><th>account</th>"
                + "<th>phone</th><th>operator</th><th>type</th><th>balance</th></tr>");
        StringBuilder options = new StringBuilder();
        for (SandboxMbs.AccountSummary account : platform.accounts()) {
            body.append("<tr><td data-label=\"account\">").append(escape(account.id()))
                    .append("</td><td data-label=\"phone\">").append(escape(account.msisdn()))
                    .append("</td><td data-label=\"operator\">").append(escape(account.operator()))
                    .append("</td><td data-label=\"type\">").append(escape(account.type().wireName()))
                    .append("</td><td data-label=\"balance\" class=\"balance\">")
                    .append(escape(euros(account.balanceCents()))).append("</td></tr>");
            options.append("<option value=\"").append(escape(account.id())).append("\">").append(escape(account.id()
                    + " (" + account.type().wireName() + ", " + account.operator() + ")")).append("</option>");
        }
        body.append("</table></div><p>acc-1003 has too little money: bill it to see a refusal. Tele2 does not let money be"
                + " given back: its roll-backs are refused.</p>").append("""
                <form method="post" action="/charge">
                <label for="account">Account</label><select id="account" name="account">%s</select>
                <label for="ident">What is paid for (your order or account)</label>
                <input id="ident" name="ident" value="order-%d">
                <label for="price">Price, EUR</label><input id="price" name="price" value="2.50">
                <button id="bill" type="submit" name="do" value="bill">Bill (reserve the money)</button>
                </form>
                """.formatted(options, 100 + platform.transactions().size()));
        body.append("<h2>Transactions</h2><div class=\"scroll\"><table id=\"transactions\" class=\"stack\"><tr>"
                + "<th>id</th>"
                + "<th>for</th><th>price</th><th>status</th><th>reports to sms:safe</th><th></th></tr>");
        platform.transactions().forEach(t -> body.append(row(t)));
        body.append("</table></div>");
        Exchanges.html(exchange, Html.page("Charge by MBS", body.toString(), 0));
    }

    private String row(Transaction t) {
        StringBuilder reports = new StringBuilder();
        platform.reportsSent().stream()
                .filter(r -> String.valueOf(t.transactionId()).equals(r.parameter("transaction_id")))
                .forEach(r -> reports.append(escape(r.parameter("status") + " → " + r.httpStatus() + " " + r.body()))
                        .append("<br>"));
        String buttons = t.status() != TransactionStatus.RESERVE ? "" : """
                <form method="post" action="/charge"><input type="hidden" name="transaction" value="%d">
                <button class="commit" name="do" value="commit">Commit (take the money)</button>
                <button class="rollback" name="do" value="rollback">Roll back</button></form>
                """.formatted(t.transactionId());
        return "<tr class=\"transaction\" id=\"transaction-" + t.transactionId() + "\"><td data-label=\"id\">"
                + t.transactionId() + "</td><td data-label=\"for\">" + escape(t.ident())
                + "</td><td data-label=\"price\">" + escape(euros(t.priceCents()) + " " + t.currency())
                + "</td><td data-label=\"status\" class=\"status\">" + escape(describe(t))
                + "</td><td data-label=\"reports to sms:safe\" class=\"reports\">" + reports + "</td><td>" + buttons
                + "</td></tr>";
    }

    /** The transaction's status in words ({@code reserve} is the wire's; a reader wants to know where the money is). */
    private static String describe(Transaction t) {
        String money = euros(t.priceCents()) + " " + t.currency();
        String words = switch (t.status()) {
            case RESERVE -> "reserved: " + money + " is held, not taken yet";
            case COMMIT -> "committed: " + money + " taken";
            case ROLLBACK -> "rolled back: the " + money + " held was given back";
            case FAIL -> "failed: nothing was charged";
        };
        return words + (t.stateDescription() == null || "ok".equals(t.state()) ? ""
                : " (" + t.stateDescription() + ")");
    }

    private static String euros(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
