package lt.smssafe.it.api;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.DatabaseRows;
import lt.smssafe.it.TestWar;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.Concurrently;
import lt.smssafe.testing.FakeLiveGateway;
import lt.smssafe.testing.FakeSmsSafeGateway;
import lt.smssafe.testing.MariaDbServer;
import lt.smssafe.testing.TestData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import lt.smssafe.sms.dialect.FormQuery;

/**
 * {@code POST /redeem} (docs/protocol.md §9) in a real Tomcat on MariaDB, as a site's server in any language calls it:
 * every answer of the contract's table with its exact JSON, the key (401) and the fields (400), 24 redemptions of one
 * code at once of which exactly one spends it, a database outage (503), and what the status JSON, the status page,
 * the payment's page, the list's filter and the CSV then say. Without {@code api.key} the endpoint is 404:
 * {@code SmsSafePaymentsIT}'s deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeemIT {
    private static final TestData DATA = TestData.seededFor(RedeemIT.class);
    private static final long SAFE = 5151;
    private static final String PASSKEY = "redeem-it-passkey-5151";
    private static final String FORTUMO_SECRET = "redeem-it-fortumo-secret";
    private static final String API_KEY = "redeem-it-api-key-of-at-least-32-characters";
    private static final String DATABASE = "redeem_it";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("redeem-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("messages", "2")
                .with("delay", "0")
                .with("fortumo.secret", FORTUMO_SECRET)
                .with("api.key", API_KEY)
                .withMariaDb(DATABASE)
                .build();
    }

    private String paid(String content) {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY);
        String phone = DATA.phone();
        gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, content));
        HttpResponse<String> last = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, content));
        assertThat(last.body()).endsWith(" closed");
        return code(last);
    }

    private String open() {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"),
                SignatureScheme.HMAC_SHA256, PASSKEY);
        return code(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), DATA.phone(), "open")));
    }

    /** A session paid with two Fortumo messages, test ones or not; {@code reversed}: then one reported not billed. */
    private String fortumo(boolean test, boolean reversed) {
        FakeLiveGateway.Fortumo fortumo = new FakeLiveGateway.Fortumo(URI.create(base + "fortumo"), FORTUMO_SECRET, "");
        String phone = DATA.phone();
        Map<String, String> first = fortumo.message(DATA.id(), phone, "fortumo-" + phone, "1.45", test);
        fortumo.send(first);
        HttpResponse<String> closed = fortumo.send(fortumo.message(DATA.id(), phone, "fortumo-" + phone, "1.45",
                test));
        assertThat(closed.body()).endsWith(" closed");
        if (reversed) {
            assertThat(fortumo.send(fortumo.report(first, "failed")).body()).isEqualTo("OK");
        }
        return code(closed);
    }

    private HttpResponse<String> redeem(String authorization, Map<String, String> fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "redeem"))
                .timeout(java.time.Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormQuery.of(fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return AdminHttp.send(request);
    }

    private HttpResponse<String> redeem(String code, String reference) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("reference", reference);
        return redeem("Bearer " + API_KEY, fields);
    }

    private static String answer(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }

    /** The first redemption's JSON as the database holds it: its reference and time, the session's close. */
    private static String redeemedJson(String code) {
        List<String> row = DatabaseRows.query(DATABASE, "select r.reference, r.redeemed_at, s.closed_at from"
                + " smssafe_redemption r join smssafe_session s on s.id = r.session_id where s.safe_id = ? and"
                + " s.code = ?", SAFE, code).get(0);
        return "{\"result\":\"redeemed\",\"reference\":\"" + row.get(0) + "\",\"redeemedAt\":\""
                + Instant.ofEpochMilli(Long.parseLong(row.get(1))) + "\",\"session\":{\"session\":\"" + code
                + "\",\"state\":\"closed\",\"received\":2,\"required\":2,\"waitSeconds\":0,\"closedAt\":\""
                + Instant.ofEpochMilli(Long.parseLong(row.get(2))) + "\",\"redeemed\":true}}";
    }

    private static List<List<String>> redemptions(String code) {
        return DatabaseRows.query(DATABASE, "select r.reference, r.safe_id from smssafe_redemption r join"
                + " smssafe_session s on s.id = r.session_id where s.code = ?", code);
    }

    @Test
    void aPaidCodeIsRedeemedOnceAndARetryWithTheSameReferenceGetsTheSameAnswer() {
        String code = paid("order-r1");

        HttpResponse<String> first = redeem(code, "account-17");
        HttpResponse<String> retry = redeem(" " + code.toLowerCase() + " ", "account-17");
        HttpResponse<String> other = redeem(code, "account-18");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(first.body()).isEqualTo(redeemedJson(code));
        assertThat(answer(retry)).isEqualTo(answer(first));
        assertThat(answer(other)).isEqualTo("409 {\"result\":\"already redeemed\"}");
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(redemptions(code)).containsExactly(List.of("account-17", String.valueOf(SAFE)));
    }

    @Test
    void everyRefusalIsTheContractsTextAndNothingMoreAndSpendsNothing() {
        String open = open();
        String reversed = fortumo(false, true);
        String test = fortumo(true, false);

        assertThat(answer(redeem(open, "a"))).isEqualTo("409 {\"result\":\"not paid yet\"}");
        assertThat(answer(redeem(reversed, "a"))).isEqualTo("409 {\"result\":\"reversed\"}");
        assertThat(answer(redeem(test, "a"))).as("redeem.test defaults to reject")
                .isEqualTo("409 {\"result\":\"test payment\"}");
        assertThat(answer(redeem("ZZZZZZZZ", "a"))).isEqualTo("404 {\"result\":\"unknown session\"}");
        assertThat(answer(redeem("<script>", "a"))).as("malformed").isEqualTo("404 {\"result\":\"unknown session\"}");
        for (String code : List.of(open, reversed, test)) {
            assertThat(redemptions(code)).as(code).isEmpty();
        }
    }

    @Test
    void withoutTheRightKeyItIs401AndSpendsNothing() {
        String code = paid("order-r3");
        Map<String, String> fields = Map.of("code", code, "reference", "thief");

        List<HttpResponse<String>> refused = List.of(redeem(null, fields), redeem("Bearer wrong-key", fields),
                redeem("Bearer " + API_KEY.substring(1), fields), redeem(API_KEY, fields),
                redeem("Basic " + java.util.Base64.getEncoder().encodeToString(AdminHttp.ADMIN.getBytes(
                        StandardCharsets.UTF_8)), fields));

        assertThat(refused).allSatisfy(response -> {
            assertThat(answer(response)).isEqualTo("401 {\"result\":\"unauthorized\"}");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"sms:safe\"");
        });
        assertThat(redemptions(code)).isEmpty();
        assertThat(redeem(code, "owner").statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingCodeIsUnknownAReferenceThatIsNotOneIsA400AndGetIsA405() {
        String code = paid("order-r4");

        // docs/protocol.md §9: "unknown code, or malformed" is 404 unknown session; a missing or blank code is malformed
        assertThat(answer(redeem("Bearer " + API_KEY, Map.of("reference", "a"))))
                .isEqualTo("404 {\"result\":\"unknown session\"}");
        assertThat(answer(redeem("Bearer " + API_KEY, Map.of("code", " ", "reference", "a"))))
                .isEqualTo("404 {\"result\":\"unknown session\"}");
        assertThat(answer(redeem("Bearer " + API_KEY, Map.of("code", code))))
                .isEqualTo("400 {\"result\":\"bad request: reference\"}");
        for (String reference : List.of("", " ", "x".repeat(129), "two\nlines", "tab\tbed")) {
            assertThat(answer(redeem(code, reference))).as("reference '%s'", reference)
                    .isEqualTo("400 {\"result\":\"bad request: reference\"}");
        }
        HttpResponse<String> get = AdminHttp.send(AdminHttp.request(URI.create(base + "redeem?code=" + code
                + "&reference=a"), null).header("Authorization", "Bearer " + API_KEY).GET());
        assertThat(answer(get)).isEqualTo("405 {\"result\":\"method not allowed\"}");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(redemptions(code)).isEmpty();
        assertThat(answer(redeem(code, "x".repeat(128)))).as("128 characters are a reference").startsWith("200 ");
    }

    /** 24 site servers redeem one code at once, each for another account: one gets it, the database holds one row. */
    @Test
    void ofTwentyFourRedemptionsOfOneCodeAtOnceExactlyOneSpendsIt() {
        String code = paid("order-r5");

        List<HttpResponse<String>> answers = Concurrently.run(24, i -> () -> redeem(code, "account-" + i));

        Map<String, Long> byAnswer = answers.stream().map(r -> r.statusCode() + " " + (r.statusCode() == 200
                ? "redeemed" : r.body())).collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        assertThat(byAnswer).containsExactlyInAnyOrderEntriesOf(Map.of("200 redeemed", 1L,
                "409 {\"result\":\"already redeemed\"}", 23L));
        List<List<String>> rows = redemptions(code);
        assertThat(rows).hasSize(1);
        HttpResponse<String> winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        assertThat(winner.body()).isEqualTo(redeemedJson(code));
        assertThat(answer(redeem(code, rows.get(0).get(0)))).as("the winner's retry").isEqualTo(answer(winner));
    }

    @Test
    void whileTheDatabaseIsAwayARedemptionIsA503ThatSpendsNothing() {
        String code = paid("order-r6");
        HttpResponse<String> down = MariaDbServer.get().whileStopped(() -> redeem(code, "account-down"));

        assertThat(answer(down)).isEqualTo("503 try again later");
        assertThat(down.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(redemptions(code)).isEmpty();
        assertThat(redeem(code, "account-down").statusCode()).as("once it is back").isEqualTo(200);
    }

    /** docs/protocol.md §6: the status JSON and page say test, reversed, redeemed — never for whom. */
    @Test
    void theStatusJsonAndPageSayTestReversedAndRedeemedInEveryLanguage() {
        String redeemed = paid("order-r7");
        assertThat(redeem(redeemed, "secret-account-7").statusCode()).isEqualTo(200);
        String reversed = fortumo(false, true);
        String test = fortumo(true, false);
        String plain = paid("order-r8");

        assertThat(status(redeemed)).endsWith(",\"redeemed\":true}").doesNotContain("secret-account-7");
        assertThat(status(reversed)).endsWith(",\"reversed\":true}").doesNotContain("redeemed").doesNotContain("test");
        assertThat(status(test)).endsWith(",\"test\":true}").doesNotContain("reversed");
        assertThat(status(plain)).as("§6's example holds: no flag that does not hold").matches("\\{\"session\":\""
                + plain + "\",\"state\":\"closed\",\"received\":2,\"required\":2,\"waitSeconds\":0,\"closedAt\":\"[^\"]+\"}");

        Map<String, List<String>> words = Map.of(
                "en", List.of("Redeemed: this code has been used", "Reversed: the operator reported",
                        "Test payment: made with the gateway"),
                "lt", List.of("Panaudota: šis kodas jau panaudotas", "Atšaukta: operatorius pranešė",
                        "Bandomasis mokėjimas"),
                "ru", List.of("Использован: этот код уже использован", "Отменено: оператор сообщил",
                        "Тестовый платёж"));
        words.forEach((lang, texts) -> {
            String redeemedPage = page(redeemed, lang);
            assertThat(redeemedPage).contains("id=\"flag-redeemed\"").contains(texts.get(0))
                    .doesNotContain("secret-account-7").doesNotContain("flag-reversed").doesNotContain("flag-test");
            assertThat(page(reversed, lang)).contains("id=\"flag-reversed\"").contains(texts.get(1))
                    .doesNotContain("flag-redeemed");
            assertThat(page(test, lang)).contains("id=\"flag-test\"").contains(texts.get(2));
            assertThat(page(plain, lang)).doesNotContain("class=\"flag\"");
        });
    }

    private String status(String code) {
        return AdminHttp.send(AdminHttp.request(URI.create(base + "check?session=" + code + "&format=json"), null)
                .GET()).body();
    }

    private String page(String code, String lang) {
        return AdminHttp.get(URI.create(base + "check?session=" + code + "&lang=" + lang), null).body();
    }

    /** The owner's side: the payment's page, the list filtered by it, and the CSV's two columns. */
    @Test
    void theOwnerSeesWhenAndForWhatACodeWasRedeemedAndFiltersByIt() throws Exception {
        String redeemed = paid("order-r9");
        String notRedeemed = paid("order-r10");
        String reference = "<b>account</b> & \"9\"";
        assertThat(redeem(redeemed, reference).statusCode()).isEqualTo(200);

        String detail = AdminHttp.get(URI.create(base + "payment?code=" + redeemed), AdminHttp.ADMIN).body();
        String notYet = AdminHttp.get(URI.create(base + "payment?code=" + notRedeemed), AdminHttp.ADMIN).body();
        String yes = AdminHttp.get(URI.create(base + "payments?redeemed=yes"), AdminHttp.ADMIN).body();
        String no = AdminHttp.get(URI.create(base + "payments?redeemed=no"), AdminHttp.ADMIN).body();
        String csv = AdminHttp.get(URI.create(base + "payments?format=csv&content="
                + URLEncoder.encode("order-r", StandardCharsets.UTF_8)), AdminHttp.ADMIN).body();

        assertThat(detail).contains("<span class=\"content\" id=\"payment-redeemed-for\">&lt;b&gt;account&lt;/b&gt;"
                + " &amp; &#034;9&#034;</span>").doesNotContain("<b>account");
        assertThat(notYet).contains("<td id=\"payment-redeemed\">not yet</td>");
        assertThat(yes).contains(redeemed).doesNotContain(notRedeemed);
        assertThat(no).contains(notRedeemed).doesNotContain(redeemed);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        CSVRecord redeemedRow = rows.stream().filter(r -> r.get("code").equals(redeemed)).findFirst().orElseThrow();
        CSVRecord otherRow = rows.stream().filter(r -> r.get("code").equals(notRedeemed)).findFirst().orElseThrow();
        long redeemedAt = Long.parseLong(DatabaseRows.query(DATABASE, "select r.redeemed_at from smssafe_redemption r"
                + " join smssafe_session s on s.id = r.session_id where s.code = ?", redeemed).get(0).get(0));
        assertThat(java.time.OffsetDateTime.parse(redeemedRow.get("redeemed_at")).toInstant())
                .isEqualTo(Instant.ofEpochMilli(redeemedAt));
        assertThat(redeemedRow.get("redeemed_for")).isEqualTo(reference);
        assertThat(otherRow.get("redeemed_at") + otherRow.get("redeemed_for")).isEmpty();
    }

    /** The admin's {@code /integration} shows the redeem flow, Java and curl, with this deployment's own URL. */
    @Test
    void theIntegrationPageShowsHowToRedeemInJavaAndWithCurl() {
        String page = AdminHttp.get(URI.create(base + "integration"), AdminHttp.ADMIN).body();

        assertThat(page).contains("SmsSafePayments.of(getServletContext()).redeem(code, \"account-17\");")
                .contains("if (r instanceof Redemption.Redeemed redeemed) {")
                .contains("curl -X POST -H 'Authorization: Bearer …your api.key…' -d code=7KQ2M9XA"
                        + " -d reference=account-17 \\\n     '" + base + "redeem'")
                .contains("409 {\"result\":\"already redeemed\"}").doesNotContain("id=\"redeem-off\"")
                .doesNotContain("isClosed()").doesNotContain(API_KEY);
    }
}
