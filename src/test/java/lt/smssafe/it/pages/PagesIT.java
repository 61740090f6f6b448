package lt.smssafe.it.pages;

import static lt.smssafe.testing.TestData.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import lt.smssafe.it.AdminHttp;
import lt.smssafe.it.RecordingAction;
import lt.smssafe.it.TestWar;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.FakeLiveGateway;
import lt.smssafe.testing.FakeSmsSafeGateway;
import lt.smssafe.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rates and the pages in a real Tomcat: N follows the rates, {@code /cron}, {@code /select} and {@code /check}
 * with their status codes and authentication, escaping of hostile input, the JSON status of a session in every
 * state, and no full phone number on a public page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PagesIT {
    static final long SAFE = 8181;
    private static final String PASSKEY = "pages-passkey-8181";
    private static final String FORTUMO_SECRET = "pages-it-fortumo-secret";
    private static final String HOSTILE = "<script>alert('x')</script>\"&";
    private static final TestData DATA = TestData.seededFor(PagesIT.class);
    /** The shop's name ({@code site.name}): Lithuanian letters, and markup that must stay text. */
    private static final String SITE_NAME = "Knygynas „Žiedas“ <b>&\"'";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Path feeds = Path.of("target", "test-classes", "it").toAbsolutePath();
        // the feed in each page language (notes/rates-8181-en.xml, -lt, -ru): the English one is the language key's
        return TestWar.named("pages-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("messages", "3")
                .with("delay", "PT2S")
                .with("site.name", SITE_NAME)
                .with("rates.url", feeds.toUri() + "notes/rates-{safe}-{language}.xml")
                .with("fortumo.rates.url", feeds.toUri() + "fortumo-8181.xml")
                .with("fortumo.service-id", "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5")
                .with("fortumo.secret", FORTUMO_SECRET)
                .with("action", RecordingAction.class.getName())
                .withClasses(RecordingAction.class)
                .build();
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private FakeSmsSafeGateway gateway() {
        return new FakeSmsSafeGateway(uri("result"), SignatureScheme.HMAC_SHA256, PASSKEY);
    }

    private static HttpResponse<String> get(URI uri) {
        return AdminHttp.send(AdminHttp.request(uri, null).header("Accept", "text/html").GET());
    }

    private static HttpResponse<String> json(URI uri) {
        return AdminHttp.send(AdminHttp.request(uri, null).header("Accept", "application/json").GET());
    }

    /** The refresh at start-up runs in the background; a script's POST makes sure the rates are in, both sources. */
    @BeforeEach
    void ratesAreLoaded() {
        HttpResponse<String> refreshed = AdminHttp.send(AdminHttp.request(uri("cron"), AdminHttp.ADMIN)
                .POST(AdminHttp.form("")));
        assertThat(refreshed.statusCode() + " " + refreshed.body()).isEqualTo("200 rates refreshed: 2 countries, 3 "
                + "providers\nFortumo rates refreshed: 2 countries, 3 providers\n");
    }

    @Test
    void thePrimerShowsFortumosNumberAndTextWithoutTheSafeIdAndItsPromotionalText() {
        HttpResponse<String> estonia = get(uri("check?country=ee&content=order-42"));
        HttpResponse<String> elisa = get(uri("check?country=ee&provider=elisa&content=order-42"));
        HttpResponse<String> elisaLithuanian = get(uri("check?country=ee&provider=elisa&content=order-42&lang=lt"));

        assertThat(estonia.statusCode()).isEqualTo(200);
        assertThat(estonia.body()).as("Fortumo alone in Estonia: no gateway named").contains(">Elisa</a>")
                .contains(">Telia</a>").doesNotContain("Fortumo");
        assertThat(elisa.statusCode()).isEqualTo(200);
        assertThat(elisa.body()).contains("id=\"text-to-send\">TXT SAFE order-42<").doesNotContain("8181 order-42")
                .contains("id=\"shortcode\">1311<").contains("0.32 EUR")
                .contains("id=\"promotional-text\">Price: €0.32 &lt;per message&gt;\nMobile Payment by fortumo.com<");
        assertThat(elisaLithuanian.body()).as("a Lithuanian page about Estonia: Fortumo's English text")
                .contains("Price: €0.32");
    }

    @Test
    void whereAnOperatorPaysThroughTwoGatewaysTheBuyerIsToldWhichIsWhich() {
        HttpResponse<String> lithuania = get(uri("check?country=lt"));
        HttpResponse<String> tele2 = get(uri("check?country=lt&provider=tele2_lt&content=order-42"));
        HttpResponse<String> tele2Fortumo = get(uri("check?country=lt&provider=tele2_lt&gateway=fortumo"
                + "&content=order-42&lang=lt"));
        HttpResponse<String> tele2SmsSafe = get(uri("check?country=lt&provider=tele2_lt&gateway=smssafe"
                + "&content=order-42"));

        assertThat(lithuania.body()).contains("Tele2 <span class=\"gateway\">(number 1338)</span>")
                .contains("Tele2 <span class=\"gateway\">(via Fortumo)</span>")
                .contains("check?country=lt&amp;provider=tele2_lt&amp;gateway=fortumo")
                .contains(">Bitė</a>");
        assertThat(tele2.statusCode()).as("both entries to choose from").isEqualTo(200);
        assertThat(tele2.body()).doesNotContain("id=\"text-to-send\"").contains("(via Fortumo)")
                .contains("(number 1338)");
        assertThat(tele2Fortumo.body()).contains("id=\"text-to-send\">TXT SAFE order-42<")
                .contains("id=\"shortcode\">1679<").contains("Kaina: 1,50 €");
        assertThat(tele2SmsSafe.body()).contains("id=\"text-to-send\">SAFE 8181 order-42<")
                .contains("id=\"shortcode\">1338<").doesNotContain("promotional-text");
        assertThat(get(uri("check?country=lt&provider=tele2_lt&gateway=paysera")).statusCode()).isEqualTo(404);
    }

    @Test
    void theNumberOfMessagesFollowsTheRatesOfTheSendersOperatorElseTheMessagesKey() {
        FakeSmsSafeGateway gateway = gateway();
        String bite = DATA.phone();
        String tele2 = DATA.phone();
        String unknown = DATA.phone();

        String biteCode = code(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), bite, "b", "lt",
                "bite_lt")));
        HttpResponse<String> tele2First = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), tele2,
                "t", "lt", "tele2_lt"));
        String otherCode = code(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), unknown, "o", "ee",
                "elisa_ee")));

        assertThat(json(uri("check?session=" + biteCode)).body()).contains("\"required\":4");
        assertThat(tele2First.body()).as("N = 2 with a delay: the first is already the last but one")
                .contains("DO NOT send the last message");
        assertThat(json(uri("check?session=" + code(tele2First))).body()).contains("\"required\":2");
        assertThat(json(uri("check?session=" + otherCode)).body()).as("no rates entry: the messages key")
                .contains("\"required\":3");
    }

    @Test
    void theSessionStatusIsJsonInEveryStateAndAnUnknownCodeIsA404() throws Exception {
        FakeSmsSafeGateway gateway = gateway();
        String phone = DATA.phone();
        String code = code(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, "j-1-" + phone, phone, "x", "lt", "tele2_lt")));

        HttpResponse<String> waiting = AdminHttp.send(AdminHttp.request(uri("check?session=" + code + "&format=json"),
                null).GET());
        Thread.sleep(2_100);
        HttpResponse<String> openAgain = json(uri("check?session=" + code));
        gateway.deliver(FakeSmsSafeGateway.sms(SAFE, "j-2-" + phone, phone, "x", "lt", "tele2_lt"));
        HttpResponse<String> closed = json(uri("check?session=" + code.toLowerCase()));
        HttpResponse<String> unknown = json(uri("check?session=ZZZZZZZZ"));
        HttpResponse<String> malformed = json(uri("check?session=" + URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8)));

        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(waiting.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(waiting.body()).matches("\\{\"session\":\"" + code
                + "\",\"state\":\"waiting\",\"received\":1,\"required\":2,\"waitSeconds\":[12]}");
        assertThat(openAgain.body()).isEqualTo("{\"session\":\"" + code
                + "\",\"state\":\"open\",\"received\":1,\"required\":2,\"waitSeconds\":0}");
        assertThat(closed.body()).matches("\\{\"session\":\"" + code + "\",\"state\":\"closed\",\"received\":2,"
                + "\"required\":2,\"waitSeconds\":0,\"closedAt\":\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"}");
        assertThat(unknown.statusCode() + " " + unknown.body()).isEqualTo("404 {\"error\":\"unknown session\"}");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(List.of(waiting, openAgain, closed)).allSatisfy(r -> assertThat(r.body()).doesNotContain(phone));
    }

    @Test
    void theStatusPageEscapesWhatTheUserSentAndNeverShowsTheFullPhoneNumber() {
        String phone = DATA.phone();
        String code = code(gateway().deliver(FakeSmsSafeGateway.sms(SAFE, "e-" + phone, phone, HOSTILE)));

        HttpResponse<String> page = get(uri("check?session=" + code));
        HttpResponse<String> unknownPage = get(uri("check?session=" + URLEncoder.encode(HOSTILE,
                StandardCharsets.UTF_8)));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(code).contains("1 / 4").contains("http-equiv=\"refresh\"")
                .contains(phone.substring(0, 3) + "******" + phone.substring(phone.length() - 2))
                .doesNotContain(phone).doesNotContain("<script>");
        assertThat(unknownPage.statusCode()).isEqualTo(404);
        assertThat(unknownPage.body()).contains("No payment session has this code").doesNotContain("<script>")
                .contains("&lt;script&gt;");
    }

    @Test
    void theShopsNameStandsForSmsSafeOnTheBuyersPagesAsText() {
        String phone = DATA.phone();
        String code = code(gateway().deliver(FakeSmsSafeGateway.sms(SAFE, "n-" + phone, phone, "named")));
        String escaped = "Knygynas „Žiedas“ &lt;b&gt;&amp;&#034;&#039;";

        for (String page : List.of("check", "check?country=lt&provider=bite_lt&lang=lt", "check?session=" + code)) {
            HttpResponse<String> answer = get(uri(page));

            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.body()).as(page).contains("<title>" + escaped + " — ")
                    .contains("/pages-it/\">" + escaped + "</a>").doesNotContain("<b>")
                    .doesNotContain("sms:safe");
        }
    }

    @Test
    void thePrimerWalksFromCountryToOperatorAndShowsTheExactTextAndTotal() {
        HttpResponse<String> countries = get(uri("check?content=order-42"));
        HttpResponse<String> operators = get(uri("check?country=lt&content=order-42"));
        HttpResponse<String> chosen = get(uri("check?country=lt&provider=bite_lt&content=order-42"));
        HttpResponse<String> unknownCountry = get(uri("check?country=xx"));
        HttpResponse<String> unknownOperator = get(uri("check?country=lt&provider=nope"));

        assertThat(countries.statusCode()).isEqualTo(200);
        assertThat(countries.body()).contains("Lithuania").contains("Latvia")
                .contains("check?country=lt&amp;content=order-42");
        assertThat(operators.body()).contains("Bitė").contains("Tele2").doesNotContain("LMT");
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(chosen.body()).contains("SAFE 8181 order-42").contains(">1337<").contains("1.45 EUR")
                .contains("VAT included").contains(">4<").contains("5.80 EUR")
                .contains("you must wait 2 seconds").contains("Only for Bitė subscribers.");
        assertThat(unknownCountry.statusCode()).isEqualTo(404);
        assertThat(unknownCountry.body()).contains("Lithuania");
        assertThat(unknownOperator.statusCode()).isEqualTo(404);
    }

    /**
     * A message sent during the wait is rejected and never counted; Fortumo may still report it "failed" later. The
     * payment's page marks it reversed and says that this changed nothing, and the session is not reversed.
     */
    @Test
    void aFailedReportOfARejectedMessageSaysItChangedNothing() {
        FakeLiveGateway.Fortumo fortumo = new FakeLiveGateway.Fortumo(uri("fortumo"), FORTUMO_SECRET,
                "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5");
        String phone = DATA.phone();
        String code = null;
        String reply = "";
        for (int i = 0; i < 5 && !reply.contains("DO NOT send the last message"); i++) {
            reply = fortumo.send(fortumo.message(DATA.id(), phone, "order-9", "1.45", false)).body();
            code = code(reply);
        }
        assertThat(reply).contains("DO NOT send the last message");
        java.util.Map<String, String> early = fortumo.message(DATA.id(), phone, "order-9", "1.45",
                false);
        assertThat(fortumo.send(early).body()).contains("cannot be processed");
        assertThat(fortumo.send(fortumo.report(early, "failed")).body()).isEqualTo("OK");

        String detail = AdminHttp.get(uri("payment?code=" + code), AdminHttp.ADMIN).body();
        assertThat(detail).contains("not counted: sent during the wait before the last message <span class=\"tag\">"
                + "reversed</span> <span class=\"muted reversal-noop\">(the gateway reported it failed; it was never"
                + " counted, so nothing changed)</span>");
        assertThat(detail).as("the session itself is not reversed").doesNotContain("<td id=\"payment-state\">reversed");
    }

    @Test
    void theBuyerSwitchesTheLanguageAndTheLinksRememberIt() {
        HttpResponse<String> lithuanian = get(uri("check?content=order-42&lang=lt"));
        HttpResponse<String> lithuanianChosen = get(uri("check?country=lt&provider=bite_lt&content=order-42&lang=lt"));
        HttpResponse<String> russian = get(uri("check?country=lt&provider=bite_lt&content=order-42&lang=ru"));
        HttpResponse<String> lmt = get(uri("check?country=lv&provider=lmt_lv&lang=ru"));

        assertThat(lithuanian.body()).contains("<html lang=\"lt\">").contains("Lietuva").contains("Latvija")
                .contains("check?country=lt&amp;content=order-42&amp;lang=lt")
                .contains("hreflang=\"ru\" href=\"/pages-it/check?content=order-42&amp;lang=ru\"");
        assertThat(lithuanian.body()).as("the pages keep the diacritics an SMS leaves out")
                .contains("Mokėjimas SMS žinute").contains("1. Pasirinkite šalį");
        assertThat(lithuanianChosen.body()).contains("3. Išsiųskite žinutes")
                .contains("ne mažiau kaip 2 sekundės").doesNotContain("sekundes");
        assertThat(lithuanian.body()).as("looking up a session code keeps the language").containsPattern(
                "(?s)<form [^>]*class=\"status-form\">\\s*<input type=\"hidden\" name=\"lang\" value=\"lt\">");
        assertThat(russian.body()).contains("<html lang=\"ru\">").contains("Литва").contains("4</strong> раза")
                .doesNotContain("раз(а)").contains("должно пройти не меньше, чем 2 секунды");
        assertThat(lmt.body()).contains("5</strong> раз.");
        assertThat(lithuanianChosen.body()).as("the note of the Lithuanian feed, the numbers of the English one")
                .contains("<p class=\"note\"><span lang=\"lt\">Tik Bitės abonentams.</span></p>")
                .doesNotContain("Only for Bitė").contains("1.45 EUR").contains("id=\"messages\">4<")
                .doesNotContain("8.88").doesNotContain(">9<");
        assertThat(russian.body()).contains("<p class=\"note\"><span lang=\"ru\">Только для абонентов Bitė.</span></p>")
                .doesNotContain("Only for Bitė").doesNotContain("note-language");
        assertThat(lmt.body()).as("a note the Russian feed lacks: the English one, saying it is English")
                .contains("<span lang=\"en\">Not for prepaid cards.</span> <span class=\"muted note-language\">"
                        + "(на языке: английский)</span>");
        assertThat(get(uri("check?country=lv&provider=lmt_lv&lang=lt")).body())
                .contains("<span lang=\"lt\">Ne išankstinio mokėjimo kortelėms.</span></p>");
        assertThat(get(uri("check?country=lt&provider=bite_lt")).body()).as("an English page adds nothing")
                .contains("<span lang=\"en\">Only for Bitė subscribers.</span></p>");
        assertThat(get(uri("check?lang=xx")).statusCode()).as("an unknown language is the default").isEqualTo(200);
    }

    @Test
    void aHostileContentInTheLinkIsEscapedEverywhereOnThePrimer() {
        String hostile = URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8);

        HttpResponse<String> page = get(uri("check?country=lt&provider=tele2_lt&gateway=smssafe&content=" + hostile));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("alert('x')")
                .contains("SAFE 8181 &lt;script&gt;alert(&#039;x&#039;)&lt;/script&gt;&#034;&amp;");
    }

    @Test
    void adminPagesAskForCredentialsAndRefuseAUserWithoutTheRole() {
        for (String page : List.of("select", "cron")) {
            assertThat(get(uri(page)).statusCode()).as("%s without credentials", page).isEqualTo(401);
            assertThat(AdminHttp.get(uri(page), AdminHttp.VISITOR).statusCode()).as("%s as visitor", page)
                    .isEqualTo(403);
            assertThat(AdminHttp.get(uri(page), AdminHttp.ADMIN).statusCode()).as("%s as admin", page)
                    .isEqualTo(200);
        }
        assertThat(AdminHttp.send(AdminHttp.request(uri("cron"), AdminHttp.VISITOR).POST(AdminHttp.form("")))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void cronShowsTheSourceTheLastSuccessAndWhatTheTableHolds() {
        HttpResponse<String> page = AdminHttp.get(uri("cron"), AdminHttp.ADMIN);

        assertThat(page.body()).contains("notes/rates-8181-en.xml").contains("2 countries, 3 operators")
                .contains("Bitė (bite_lt)").contains("LMT (lmt_lv)");
        assertThat(page.body()).as("Fortumo's source beside the feed").contains("fortumo-8181.xml")
                .contains("id=\"fortumo-holds\">2 countries, 3 operators<")
                .contains("What the table holds: 3 countries, 6 operators").contains("Elisa (elisa)");
        assertThat(page.body()).as("as people read a time").containsPattern("id=\"last-success\"><time>[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}");
        assertThat(page.body()).as("the cron command names the page, not its view")
                .contains("-X POST " + uri("cron") + "</code>").doesNotContain("WEB-INF");
        assertThat(page.body()).as("a start-up failure is history once a refresh succeeded")
                .doesNotContain("Failing since").contains("none since the last success")
                .as("the lt and ru notes were refreshed too").doesNotContain("stale");
    }

    @Test
    void selectListsUnclosedSessionsWithFiltersAndEscapesTheirContent() {
        FakeSmsSafeGateway gateway = gateway();
        String phone = DATA.phone();
        String code = code(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, "s-" + phone, phone, HOSTILE, "lv", "lmt_lv")));

        HttpResponse<String> all = AdminHttp.get(uri("select"), AdminHttp.ADMIN);
        HttpResponse<String> byPhone = AdminHttp.get(uri("select?msisdn=" + phone), AdminHttp.ADMIN);
        HttpResponse<String> byOtherCountry = AdminHttp.get(uri("select?msisdn=" + phone + "&country=lt"),
                AdminHttp.ADMIN);
        HttpResponse<String> waitingOnly = AdminHttp.get(uri("select?msisdn=" + phone + "&state=waiting"),
                AdminHttp.ADMIN);
        HttpResponse<String> openOnly = AdminHttp.get(uri("select?msisdn=" + phone + "&state=open&provider=LMT_LV"),
                AdminHttp.ADMIN);

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains(code).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(byPhone.body()).contains(code).contains(phone).contains("1/5");
        assertThat(byOtherCountry.body()).doesNotContain(code).contains("No unclosed sessions match.");
        assertThat(waitingOnly.body()).doesNotContain(code);
        assertThat(openOnly.body()).contains(code);
    }

    @Test
    void selectListsThePaymentActionsThatHaveNotSucceededWithAttemptsAndLastError() throws Exception {
        FakeSmsSafeGateway gateway = gateway();
        String phone = DATA.phone();
        String code = code(gateway.deliver(FakeSmsSafeGateway.sms(SAFE, "f-1-" + phone, phone, "fail-always-" + phone,
                "lt", "tele2_lt")));
        Thread.sleep(2_100);
        gateway.deliver(FakeSmsSafeGateway.sms(SAFE, "f-2-" + phone, phone, "fail-always-" + phone, "lt", "tele2_lt"));

        String row = "";
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!row.contains("the shop is down") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            String page = AdminHttp.get(uri("select"), AdminHttp.ADMIN).body();
            int at = page.indexOf("<td>" + code + "</td>");
            row = at < 0 ? "" : page.substring(page.lastIndexOf("<tr>", at), page.indexOf("</tr>", at));
        }

        assertThat(row).contains("SMS_SESSION").contains("java.io.IOException: the shop is down for " + code)
                .containsPattern("<td>[1-9]\\d*</td>");
    }

    @Test
    void aBrowserPostToCronWithoutTheFormTokenIsRefused() {
        HttpResponse<String> crossSite = AdminHttp.send(AdminHttp.request(uri("cron"), AdminHttp.ADMIN)
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString("")));

        assertThat(crossSite.statusCode()).isEqualTo(403);
    }
}
