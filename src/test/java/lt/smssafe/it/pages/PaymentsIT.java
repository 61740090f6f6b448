package lt.smssafe.it.pages;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.DatabaseRows;
import lt.smssafe.it.TestWar;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.Browser;
import lt.smssafe.testing.FakeLiveGateway;
import lt.smssafe.testing.FakeSmsSafeGateway;
import lt.smssafe.testing.TestData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The site owner's pages in a real Tomcat on MariaDB: the payments list with its filters, one payment's detail, the
 * CSV of a filtered list compared row by row with the database, the dashboard's figures against the database (a
 * reversal taken off revenue), the admin role, hostile content escaped, and the admin pages in Chromium at 1280 and
 * 390 px without a page wider than the screen.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentsIT {
    private static final long SAFE = 6262;
    private static final String PASSKEY = "payments-it-6262";
    private static final String DATABASE = "payments_it";
    private static final String FORTUMO_SECRET = "payments-it-fortumo";
    private static final String HOSTILE = "<img src=x onerror=alert(1)>\"'&";
    private static final TestData DATA = TestData.seededFor(PaymentsIT.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/Vilnius");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("payments-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("messages", "2")
                .with("delay", "0")
                .with("timezone", ZONE.getId())
                .with("fortumo.secret", FORTUMO_SECRET)
                .withMariaDb(DATABASE)
                .build();
    }

    private String closedCode;
    private String hostileCode;
    private String openCode;

    /** Two paid sessions (one with hostile content) and one open, from three phones of their own. */
    @BeforeEach
    void payments() {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY);
        String run = DATA.id();
        closedCode = pay(gateway, DATA.phone("3706700"), "order-" + run, 2);
        hostileCode = pay(gateway, DATA.phone("3706701"), HOSTILE, 2);
        openCode = pay(gateway, DATA.phone("3706702"), "open-" + run, 1);
    }

    /**
     * A session paid through Fortumo with two messages of 1.45 EUR, closed, and then one of its messages reported
     * as not billed after all (docs/protocol.md §8): the session stays closed and is marked reversed with 1.45.
     */
    private String reversedPayment() {
        FakeLiveGateway.Fortumo fortumo = new FakeLiveGateway.Fortumo(URI.create(base + "fortumo"), FORTUMO_SECRET, "");
        String phone = DATA.phone("3706803");
        String content = "reversed-" + phone;
        Map<String, String> first = fortumo.message(DATA.id(), phone, content, "1.45", false);
        fortumo.send(first);
        HttpResponse<String> closed = fortumo.send(fortumo.message(DATA.id(), phone, content,
                "1.45", false));
        assertThat(closed.body()).endsWith(" closed");
        String code = code(closed);
        assertThat(fortumo.send(fortumo.report(first, "failed")).body()).isEqualTo("OK");
        assertThat(DatabaseRows.query(DATABASE, "select reversed_total from smssafe_session where code = ?",
                code)).containsExactly(List.of("1.45"));
        return code;
    }

    private static String pay(FakeSmsSafeGateway gateway, String phone, String content, int messages) {
        String code = null;
        for (int i = 0; i < messages; i++) {
            code = code(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, content)));
        }
        return code;
    }

    private HttpResponse<String> admin(String pathAndQuery) {
        return AdminHttp.get(URI.create(base + pathAndQuery), AdminHttp.ADMIN);
    }

    @Test
    void theNewPagesNeedTheAdminRole() {
        for (String page : List.of("dashboard", "payments", "payments?format=csv", "payment?code=" + closedCode,
                "integration")) {
            assertThat(AdminHttp.get(URI.create(base + page), null).statusCode()).as(page).isEqualTo(401);
            assertThat(AdminHttp.get(URI.create(base + page), AdminHttp.VISITOR).statusCode()).as(page).isEqualTo(403);
        }
    }

    @Test
    void thePaymentsListFiltersByStateAndCodeAndEscapesContent() {
        String closed = admin("payments?state=closed").body();
        String open = admin("payments?state=open").body();
        String byCode = admin("payments?code=" + closedCode.toLowerCase()).body();

        assertThat(closed).contains(closedCode).doesNotContain(openCode)
                .doesNotContain(HOSTILE).contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(open).contains(openCode).doesNotContain(closedCode);
        assertThat(byCode).contains(closedCode).doesNotContain(openCode);
        assertThat(admin("payments?state=%3Cscript%3E&from=not-a-date").statusCode())
                .as("a hand-made filter cannot break the page").isEqualTo(200);
    }

    @Test
    void aPaymentsDetailShowsItsMessagesAndItsActionRun() {
        String detail = admin("payment?code=" + closedCode).body();

        assertThat(detail).contains(closedCode).contains("closed").contains("2 of 2");
        assertThat(detail).as("what each message did, in words, not LAST or WAIT")
                .contains("<td data-label=\"Outcome\" class=\"outcome-words\">counted, 1 of 2: session opened</td>",
                        "<td data-label=\"Outcome\" class=\"outcome-words\">counted, 2 of 2: paid, session closed</td>")
                .doesNotContain(">STARTED<", ">CLOSED<");
        assertThat(detail.split("<tr class=\"counted\">", -1)).as("two counted messages").hasSize(3);
        assertThat(detail).contains("paid session");
        assertThat(admin("payment?code=ZZZZZZZZ").statusCode()).isEqualTo(404);
    }

    @Test
    void aPaymentsDetailEscapesHostileContent() {
        HttpResponse<String> detail = admin("payment?code=" + hostileCode);

        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains(hostileCode).doesNotContain(HOSTILE).doesNotContain("<img")
                .contains("<td class=\"content\">&lt;img src=x onerror=alert(1)&gt;&#034;&#039;&amp;</td>");
    }

    @Test
    void aReversedPaymentSaysSoInTheListAndItsDetail() {
        String code = reversedPayment();

        String reversed = admin("payments?state=reversed").body();
        String detail = admin("payment?code=" + code).body();

        assertThat(reversed).contains(code).doesNotContain(closedCode)
                .containsPattern("(?s)" + code + "</a></td>\\s*<td>reversed</td>.*?2.90 EUR"
                        + "<br><span class=\"reversed-total\">−1.45 EUR reversed</span>");
        assertThat(detail).contains("<td id=\"payment-state\">reversed").contains("1.45 EUR, ");
    }

    @Test
    void theCsvOfAFilteredListIsTheDatabaseRowByRow() throws IOException {
        HttpResponse<String> csv = admin("payments?state=closed&msisdn=370670&format=csv");

        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        List<List<String>> database = DatabaseRows.query(DATABASE, "select code, msisdn, content, received_messages,"
                + " total, currency, closed_at from smssafe_session where safe_id = ? and msisdn like '370670%'"
                + " and closed_at is not null order by msisdn, id desc", SAFE);
        assertThat(rows).hasSameSizeAs(database).isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            List<String> expected = database.get(i);
            assertThat(List.of(row.get("code"), row.get("phone"), row.get("content"), row.get("messages"),
                    row.get("total"), row.get("currency"))).containsExactly(expected.get(0), expected.get(1),
                    expected.get(2), expected.get(3), new BigDecimal(expected.get(4)).setScale(2).toPlainString(),
                    expected.get(5));
            assertThat(row.get("closed_at")).as("ISO-8601 with the zone's offset").isEqualTo(
                    java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            java.time.Instant.ofEpochMilli(Long.parseLong(expected.get(6))).atZone(ZONE)));
            assertThat(row.get("state")).isEqualTo("closed");
        }
    }

    @Test
    void aContentASpreadsheetWouldReadAsAFormulaComesOutOfTheCsvBehindAQuote() throws IOException {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY);
        String phones = DATA.phone("3706704");
        List<String> formulas = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(1)");
        for (int i = 0; i < formulas.size(); i++) {
            pay(gateway, phones + i, formulas.get(i), 2);
        }

        HttpResponse<String> csv = admin("payments?msisdn=" + phones + "&format=csv");
        List<String> contents = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords().stream().map(row -> row.get("content")).toList();

        assertThat(contents).containsExactlyInAnyOrder("'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-1", "'@SUM(1)");
        assertThat(DatabaseRows.query(DATABASE, "select content from smssafe_session where msisdn like ?",
                phones + "%")).as("stored as the buyer sent it").extracting(row -> row.get(0))
                .containsExactlyInAnyOrderElementsOf(formulas);
    }

    /** Revenue is what was paid less what gateways reversed later: a reversal of today's payment is not in it. */
    @Test
    void theDashboardsFiguresAreTheDatabases() {
        reversedPayment();
        String dashboard = admin("dashboard").body();

        LocalDate today = LocalDate.now(ZONE);
        long start = today.atStartOfDay(ZONE).toInstant().toEpochMilli();
        List<List<String>> paid = DatabaseRows.query(DATABASE, "select count(*), sum(total - reversed_total),"
                + " sum(reversed_total) from smssafe_session where safe_id = ? and closed_at >= ? and test = 0",
                SAFE, start);
        assertThat(new BigDecimal(paid.get(0).get(2))).as("reversed today").isPositive();
        assertThat(dashboard).contains("<svg").contains("class=\"bar\"");
        assertThat(dashboard).containsPattern("(?s)id=\"today\">.*?<p class=\"figure\">"
                + new BigDecimal(paid.get(0).get(1)).toPlainString() + " EUR</p><p class=\"muted\">"
                + paid.get(0).get(0) + " paid</p>");
        assertThat(bars(dashboard)).as("each bar's figure is the database's for its day and country")
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(databaseBars(today));
        List<List<String>> month = DatabaseRows.query(DATABASE, "select currency, count(*), sum(total - reversed_total)"
                + " from smssafe_session where safe_id = ? and closed_at >= ? and test = 0 group by currency"
                + " order by currency", SAFE, today.withDayOfMonth(1).atStartOfDay(ZONE).toInstant().toEpochMilli());
        Matcher monthCard = Pattern.compile("(?s)<section class=\"card\" id=\"month\">.*?</section>")
                .matcher(dashboard);
        assertThat(monthCard.find()).isTrue();
        assertThat(month).isNotEmpty();
        StringBuilder figures = new StringBuilder();
        for (List<String> currency : month) {
            figures.append("<p class=\"figure\">").append(new BigDecimal(currency.get(2)).toPlainString()).append(' ')
                    .append(currency.get(0)).append("</p><p class=\"muted\">").append(currency.get(1))
                    .append(" paid</p>");
        }
        assertThat(monthCard.group()).as("this month's card").contains(figures.toString());
        assertThat(dashboard).contains("the DataSource bound at java:comp/env/jdbc/smssafe");
    }

    /** The chart's bars as their tooltips say them: {@code <day> <country> · <currency>: <paid> · <revenue>}. */
    private static List<String> bars(String dashboard) {
        Matcher bar = Pattern.compile("<rect class=\"bar\"[^>]*><title>([^<]*)</title></rect>").matcher(dashboard);
        List<String> titles = new java.util.ArrayList<>();
        while (bar.find()) {
            titles.add(bar.group(1));
        }
        return titles;
    }

    /**
     * The same from the database: the chart's 30 days, by day in the pages' zone, country (named as the English
     * page names it, {@code Lithuania}, not {@code lt}) and currency.
     */
    private static List<String> databaseBars(LocalDate today) {
        LocalDate first = today.minusDays(29);
        List<List<String>> rows = DatabaseRows.query(DATABASE, "select closed_at, country, currency,"
                + " total - reversed_total from smssafe_session where safe_id = ? and closed_at >= ? and test = 0",
                SAFE, first.atStartOfDay(ZONE).toInstant().toEpochMilli());
        Map<String, Long> paid = new java.util.TreeMap<>();
        Map<String, BigDecimal> revenue = new java.util.TreeMap<>();
        for (List<String> row : rows) {
            String country = new java.util.Locale("", row.get(1).toUpperCase(java.util.Locale.ROOT))
                    .getDisplayCountry(java.util.Locale.ENGLISH);
            String key = java.time.Instant.ofEpochMilli(Long.parseLong(row.get(0))).atZone(ZONE).toLocalDate() + " "
                    + country + " · " + row.get(2);
            paid.merge(key, 1L, Long::sum);
            revenue.merge(key, new BigDecimal(row.get(3)), BigDecimal::add);
        }
        return paid.keySet().stream().filter(key -> revenue.get(key).signum() != 0)
                .map(key -> key + ": " + paid.get(key) + " · " + revenue.get(key).toPlainString()).toList();
    }

    @Test
    void theDashboardSplitsByOperatorAndSpeaksLithuanianOnRequest() {
        String dashboard = admin("dashboard?by=operator&lang=lt").body();

        LocalDate today = LocalDate.now(ZONE);
        long start = today.atStartOfDay(ZONE).toInstant().toEpochMilli();
        List<List<String>> perOperator = DatabaseRows.query(DATABASE, "select provider, currency, count(*),"
                + " sum(total - reversed_total) from smssafe_session where safe_id = ? and closed_at >= ? and test = 0"
                + " group by provider, currency order by provider", SAFE, start);
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?s)<time datetime=\"" + today
                + "\">.*?</tr>").matcher(dashboard);
        assertThat(row.find()).as("today's row in the table").isTrue();
        assertThat(perOperator).isNotEmpty();
        for (List<String> operator : perOperator) {
            // no rates are loaded here, so the operator has no name but its code
            assertThat(row.group()).contains("<span class=\"per-series\">" + operator.get(0) + " · " + operator.get(1)
                    + ": " + operator.get(2) + " · " + new BigDecimal(operator.get(3)).toPlainString() + "</span>");
        }
        assertThat(dashboard).contains("<html lang=\"lt\">", "<h1>Apžvalga</h1>", ">Mokėjimai</a>",
                "Pagal operatorių");
        assertThat(dashboard).as("the database line in Lithuanian too")
                .contains("<span id=\"database-in-use\">DataSource, susietas adresu java:comp/env/jdbc/smssafe</span>");
        assertThat(dashboard).as("the language switch keeps the split").contains("by=operator&amp;lang=en");
    }

    /**
     * No rates are loaded here (no rates.url), yet /result counts payments: the buyer's page says paying by SMS
     * works, /cron and the dashboard tell the admin that payments are still counted with the messages key's N, and why
     * the numbers are missing.
     */
    @Test
    void withoutRatesThePagesSayPaymentsStillWorkAndWhyTheNumbersAreMissing() {
        String check = AdminHttp.get(URI.create(base + "check"), null).body();
        String cron = admin("cron").body();
        String dashboard = admin("dashboard").body();

        assertThat(check).contains("Payment by SMS works on this site, but the numbers and prices")
                .doesNotContain("not available");
        assertThat(cron).contains("Payments are still counted", "<strong id=\"messages-key\">2</strong>",
                "no source is set").doesNotContain("nobody can pay");
        assertThat(cron).as("the period in words").contains("<td id=\"refresh-every\">every hour</td>")
                .doesNotContain("PT1H");
        assertThat(dashboard).contains("id=\"rates-missing\">No rates: the public page /check shows no numbers"
                + " or prices, yet payments are still counted.", "No source is set: set rates.url or fortumo.rates.url.");
        assertThat(admin("check?lang=lt").body()).contains("Mokėti SMS žinutėmis šioje svetainėje galima");
    }

    @Test
    void thePagesFitAPhoneAndUseTheWidthOfALaptop() {
        URI admin = URI.create(base.toString().replace("://", "://admin:admin-secret@"));
        try (Browser browser = Browser.start("admin-pages")) {
            WebDriver page = browser.driver();
            for (int width : new int[] {1280, 390}) {
                page.manage().window().setSize(new Dimension(width, 900));
                for (String name : List.of("dashboard", "dashboard?by=operator&lang=lt", "payments",
                        "payment?code=" + closedCode, "select", "integration", "setup", "cron", "check?lang=lt")) {
                    page.get(admin.resolve(name).toString());
                    assertThat(page.findElements(By.tagName("h1"))).isNotEmpty();
                    assertThat(Browser.overflow(page)).as("%s at %d px: wider than the window by", name, width)
                            .isZero();
                    browser.screenshot(name.replaceAll("\\W", "-") + "-" + width);
                }
            }
            // at 390 px: the reply is read as a sentence (not a word a line) and the chart's labels can be read
            page.manage().window().setSize(new Dimension(390, 900));
            page.get(admin.resolve("payment?code=" + closedCode).toString());
            long replyWidth = ((Number) ((JavascriptExecutor) page).executeScript(
                    "return document.querySelector('#messages td.content').getBoundingClientRect().width"))
                    .longValue();
            assertThat(replyWidth).as("the reply column's width at 390 px").isGreaterThan(250);
            ((JavascriptExecutor) page).executeScript("document.getElementById('messages').scrollIntoView()");
            browser.screenshot("payment-messages-390");
            page.get(admin.resolve("dashboard").toString());
            double labelHeight = ((Number) ((JavascriptExecutor) page).executeScript(
                    "return document.querySelector('#chart text.axis').getBoundingClientRect().height")).doubleValue();
            assertThat(labelHeight).as("the chart's axis label's height at 390 px").isGreaterThanOrEqualTo(9);
            ((JavascriptExecutor) page).executeScript("document.getElementById('chart').scrollIntoView()");
            browser.screenshot("dashboard-chart-390");
            page.manage().window().setSize(new Dimension(1280, 900));
            page.get(admin.resolve("dashboard").toString());
            double wideLabel = ((Number) ((JavascriptExecutor) page).executeScript(
                    "return document.querySelector('#chart text.axis').getBoundingClientRect().height")).doubleValue();
            assertThat(wideLabel).as("the chart's axis label's height at 1280 px").isBetween(9.0, 20.0);
            ((JavascriptExecutor) page).executeScript("document.getElementById('chart').scrollIntoView()");
            browser.screenshot("dashboard-chart-1280");
            page.get(admin.resolve("payments").toString());
            long tableWidth = ((Number) ((JavascriptExecutor) page)
                    .executeScript("return document.getElementById('payments').getBoundingClientRect().width"))
                    .longValue();
            assertThat(tableWidth).as("the table uses the width at 1280 px").isGreaterThan(1000);
            page.get(admin.resolve("select").toString());
            long sessionsWidth = ((Number) ((JavascriptExecutor) page)
                    .executeScript("return document.getElementById('sessions').getBoundingClientRect().width"))
                    .longValue();
            assertThat(sessionsWidth).as("/select's table is not squeezed into a column at 1280 px")
                    .isGreaterThan(1000);
        }
    }
}
