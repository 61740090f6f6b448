package lt.smssafe.demo.sandbox;

import static lt.smssafe.demo.sandbox.Html.escape;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lt.smssafe.mbs.AccountType;
import lt.smssafe.mbs.MbsConfig;
import lt.smssafe.mbs.MbsDirect;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.rates.FortumoRatesFormat;
import lt.smssafe.rates.InvalidRatesException;
import lt.smssafe.rates.RateTable;
import lt.smssafe.rates.RatesFormat;
import lt.smssafe.testing.FakeLiveGateway;
import lt.smssafe.testing.FakeSmsSafeGateway;
import lt.smssafe.testing.mbs.SandboxMbs;

/**
 * The sandbox that runs beside the demo's Tomcat, never inside the WAR: what the SMS gateways and the MBS platform
 * would be for a site owner without a contract. On one port of {@code 127.0.0.1} it serves
 * <ul>
 * <li>{@code /rates/<safe>/<language>.xml}, the sample rates feed the WAR is configured to fetch ({@code rates.url}
 * with {@code {language}}): the same numbers in every language, the notes translated ({@code /rates/<safe>.xml} is
 * the English one);</li>
 * <li>{@code /fortumo/<service>.xml}, the service-data XML of the sandbox's Fortumo service, as Fortumo publishes it
 * ({@code fortumo.rates.url});</li>
 * <li>{@code /phone}, the test phone ({@link TestPhonePage});</li>
 * <li>{@code /mbs/direct}, the sandbox MBS platform's SOAP endpoint, and {@code /charge}, the page that bills
 * through it ({@link ChargePage});</li>
 * <li>{@code /payments}, what the demo's payment action received ({@link PaymentsPage});</li>
 * <li>{@code /webhook}, a shop's webhook receiver, the demo's {@code webhook.url} ({@link WebhookInbox}), and
 * {@code /webhooks}, what it received, with the switch that makes it fail ({@link WebhooksPage}).</li>
 * </ul>
 */
public final class SandboxSite implements AutoCloseable {
    /** The sample feed: Lithuania (Bitė N = 4, Tele2 N = 2) and Latvia (LMT N = 5). */
    private static final String SAMPLE_RATES = "/demo/rates-1234.xml";
    /** The Fortumo service's data: Tele2 in Lithuania, {@code TXT SAFE} to 1311. */
    private static final String SAMPLE_FORTUMO = "/demo/fortumo-service-data.xml";
    /** The N the WAR gives Fortumo entries that the sample feed names no count for: its {@code messages} key. */
    private static final int DEFAULT_MESSAGES = 3;
    /**
     * The sample feed's notes in the other page languages: the feed of each is the English one with these replaced,
     * so its numbers are the same by construction.
     */
    private static final Map<String, Map<String, String>> TRANSLATED_NOTES = Map.of(
            "lt", Map.of("Only for Bitė subscribers.", "Tik Bitės abonentams."),
            "ru", Map.of("Only for Bitė subscribers.", "Только для абонентов Bitė."));

    /**
     * What the sandbox needs to know about the site it plays for.
     *
     * @param port where the sandbox listens
     * @param site the WAR's base URL, ending in {@code /}
     * @param safe the safe id the sample feed is for
     * @param passkey the secret the sms:safe gateway shares with the site
     * @param delay the site's delay before the last message, for the page's words
     * @param mbsService the site's MBS service id
     * @param mbsSecret the site's MBS secret key
     * @param fortumoSecret the Fortumo service's secret
     * @param fortumoService the Fortumo service's id, the site's {@code fortumo.service-id}: the service-data XML is
     *     for it and every Fortumo request names it
     * @param payseraProject and {@code payseraPassword}, {@code payseraKey}: the Paysera project, its password, and
     *     the private key whose public half the site has as {@code paysera.public-key}
     * @param webhookSecret the site's {@code webhook.secret}: the sandbox's receiver checks deliveries with it
     */
    public record Settings(int port, URI site, long safe, String passkey, Duration delay, long mbsService,
            String mbsSecret, String fortumoSecret, String fortumoService, long payseraProject, String payseraPassword,
            java.security.PrivateKey payseraKey, String webhookSecret) {
        public Settings {
            Objects.requireNonNull(site, "site");
            if (!site.getPath().endsWith("/")) {
                throw new IllegalArgumentException("the site's URL must end with /, not " + site);
            }
        }
    }

    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService threads;
    private final SandboxMbs mbs;
    private final MbsDirect mbsClient;
    private final PaymentsPage payments;
    private final WebhookInbox webhookInbox;

    private SandboxSite(Settings settings) {
        this.settings = settings;
        Clock clock = Clock.systemUTC();
        byte[] feed = sample(SAMPLE_RATES);
        byte[] fortumoData = sample(SAMPLE_FORTUMO);
        // the phone knows what the site will: the feed's entries with Fortumo's replacing its Fortumo ones
        RateTable rates;
        try {
            rates = RatesFormat.parse(feed, settings.safe()).withFortumo(FortumoRatesFormat.parse(fortumoData,
                    settings.safe(), Optional.of(settings.fortumoService()), DEFAULT_MESSAGES));
        } catch (InvalidRatesException e) {
            throw new IllegalStateException("the sample rates are invalid: " + e.getMessage(), e);
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox cannot listen on port " + settings.port()
                    + ": is something else using it?", e);
        }
        // several threads: a commit on /charge calls /mbs/direct on this same server, and a report comes back here
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        // the demo's database is kept between runs, the platform's transactions are not: ids from this start's time,
        // so that a transaction billed now is never one the site recorded in an earlier run (and ran the action for)
        mbs = new SandboxMbs(clock).firstTransactionId(clock.instant().getEpochSecond())
                .addService(settings.mbsService(), settings.mbsSecret())
                .addOperator("bite_lt", "Bitė", true)
                .addOperator("tele2_lt", "Tele2", false)
                .addAccount("acc-1001", "37060001001", "bite_lt", AccountType.PREPAID, 2_000)
                .addAccount("acc-1002", "37060001002", "tele2_lt", AccountType.POSTPAID, 0)
                .addAccount("acc-1003", "37060001003", "bite_lt", AccountType.PREPAID, 100)
                .startOn(server);
        String reportTemplate = settings.site() + "mbs/report?t=%t";
        mbsClient = new MbsDirect(MbsConfig.of(mbsUrl(), settings.mbsService(), settings.mbsSecret(),
                reportTemplate));
        String clientCode = """
                MbsDirect mbs = new MbsDirect(MbsConfig.of(URI.create("%s"),
                        %d, secretKey, "%s"));
                Transaction t = mbs.bill(accountId, BillRequest.sms(ident, "Thank you for your order", cents, "EUR"));
                // ... deliver what was bought, then
                mbs.commitTransaction(t.transactionId());   // or mbs.rollBackTransaction(...)
                """.formatted(mbsUrl(), settings.mbsService(), reportTemplate);
        payments = new PaymentsPage(clock);
        TestPhone phone = new TestPhone(rates, new FakeSmsSafeGateway(settings.site().resolve("result"),
                SignatureScheme.HMAC_SHA256, settings.passkey()),
                new FakeLiveGateway.Fortumo(settings.site().resolve("fortumo"), settings.fortumoSecret(),
                        settings.fortumoService()),
                new FakeLiveGateway.Paysera(settings.site().resolve("paysera"), settings.payseraProject(),
                        settings.payseraPassword(), settings.payseraKey()), clock);
        server.createContext("/", Exchanges.handler("/", new HomePage()));
        Map<String, byte[]> feeds = new HashMap<>();
        feeds.put("/rates/" + settings.safe() + ".xml", feed);
        feeds.put("/rates/" + settings.safe() + "/en.xml", feed);
        TRANSLATED_NOTES.forEach((language, notes) -> feeds.put("/rates/" + settings.safe() + "/" + language + ".xml",
                translated(feed, notes)));
        server.createContext("/rates/", exchange -> serve(exchange, feeds, "the sandbox has rates for safe "
                + settings.safe() + " only, in en, lt and ru"));
        server.createContext("/fortumo/", exchange -> serve(exchange, Map.of(fortumoPath(), fortumoData),
                "the sandbox has the data of Fortumo service " + settings.fortumoService() + " only"));
        server.createContext("/phone", Exchanges.handler("/phone",
                new TestPhonePage(phone, settings.safe(), settings.site(), settings.delay())));
        server.createContext("/charge", Exchanges.handler("/charge", new ChargePage(mbs, mbsClient, clientCode)));
        server.createContext("/payments", Exchanges.handler("/payments", payments));
        webhookInbox = new WebhookInbox(clock, settings.webhookSecret());
        server.createContext("/webhook", Exchanges.handler("/webhook", webhookInbox));
        server.createContext("/webhooks", Exchanges.handler("/webhooks", new WebhooksPage(webhookInbox, webhookUrl(),
                settings.webhookSecret(), settings.site().resolve("select"))));
    }

    /** Starts the sandbox; {@link #close()} stops it. */
    public static SandboxSite start(Settings settings) {
        SandboxSite site = new SandboxSite(settings);
        site.server.start();
        return site;
    }

    /** The sandbox's start page. */
    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    /**
     * The {@code rates.url} for the WAR, with the {@code {safe}} and {@code {language}} placeholders: sms:safe fetches
     * the feed of each page language and shows its notes on {@code /check} in that language.
     */
    public String ratesUrl() {
        return url() + "rates/{safe}/{language}.xml";
    }

    /** The {@code fortumo.rates.url} for the WAR: the Fortumo service's data, as Fortumo's dashboard gives it. */
    public String fortumoRatesUrl() {
        return "http://localhost:" + server.getAddress().getPort() + fortumoPath();
    }

    private String fortumoPath() {
        return "/fortumo/" + settings.fortumoService() + ".xml";
    }

    /** The sandbox MBS platform's SOAP endpoint, the WAR's {@code mbs.url}. */
    public URI mbsUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/mbs/direct");
    }

    /** Where the demo's payment action reports what it received. */
    public URI paymentsUrl() {
        return url().resolve("payments");
    }

    /** The sandbox's webhook receiver, the WAR's {@code webhook.url}: on 127.0.0.1, as the key wants it for http:. */
    public URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhook");
    }

    /** What the receiver got, for the sandbox's tests. */
    WebhookInbox webhookInbox() {
        return webhookInbox;
    }

    @Override
    public void close() {
        mbsClient.close();
        mbs.close();
        server.stop(0);
        threads.shutdownNow();
    }

    /** The feed with each of {@code notes}' keys, an English note, replaced by its translation. */
    private static byte[] translated(byte[] feed, Map<String, String> notes) {
        String text = new String(feed, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> note : notes.entrySet()) {
            String original = "<note>" + note.getKey() + "</note>";
            if (!text.contains(original)) {
                throw new IllegalStateException("the sample feed has no note " + note.getKey());
            }
            text = text.replace(original, "<note>" + note.getValue() + "</note>");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void serve(HttpExchange exchange, Map<String, byte[]> files, String otherwise)
            throws IOException {
        try (exchange) {
            byte[] file = files.get(exchange.getRequestURI().getPath());
            if (file != null) {
                Exchanges.send(exchange, 200, "application/xml", file);
            } else {
                Exchanges.send(exchange, 404, "text/plain; charset=UTF-8", otherwise);
            }
        }
    }

    private static byte[] sample(String resource) {
        try (InputStream in = SandboxSite.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code /}: what the sandbox is and the story to try, with links. */
    private final class HomePage implements Exchanges.Page {
        @Override
        public void get(HttpExchange exchange) throws IOException {
            URI site = settings.site();
            String body = """
                    <p>sms:safe runs at <a href="%1$s">%1$s</a>. This sandbox plays everyone else: the SMS
                    provider with its rates feed, your buyers' phones, and the MBS carrier-billing platform.</p>
                    <h2>Pay by SMS in a minute</h2>
                    <ol>
                    <li>Open <a href="%2$s" target="_blank">how your buyers pay</a> (sms:safe's <code>/check</code>,
                    filled from the sandbox's rates).</li>
                    <li>Open the <a id="start-phone" href="/phone">test phone</a> and press <em>Send</em>: the reply
                    SMS names the session; its status link opens sms:safe's status page.</li>
                    <li>The last message must wait %3$d s: send too early and it is rejected; send after the wait and
                    the session closes.</li>
                    <li>See <a href="/payments">what your payment action received</a>, and the open sessions on the
                    admin page <a href="%4$s" target="_blank">/select</a> (user <code>admin</code>, password
                    <code>admin-secret</code>).</li>
                    </ol>
                    <h2>A shop in any language: the webhook</h2>
                    <p>sms:safe also POSTs every payment, signed, to the demo's <code>webhook.url</code>: this
                    sandbox plays your shop's receiver. See <a id="start-webhooks" href="/webhooks">the webhooks it
                    received</a>, whether each signature verified, and switch it to fail to watch the retries.</p>
                    <h2>Charge by MBS</h2>
                    <p><a href="/charge">Bill a registered mobile account</a> through the sandbox MBS platform, then
                    commit or roll back.</p>
                    <h2>The provider's side</h2>
                    <p>Rates feed: <a href="/rates/%5$d/en.xml">/rates/%5$d/en.xml</a> (and
                    <a href="/rates/%5$d/lt.xml">lt</a>, <a href="/rates/%5$d/ru.xml">ru</a>: the notes translated),
                    and
                    <a id="fortumo-data" href="%8$s">Fortumo's service data</a> (sms:safe fetches both; see
                    <a href="%6$s" target="_blank">/cron</a>).
                    Notifications are signed with <code>hmac-sha256</code> and the passkey <code>%7$s</code>.</p>
                    """.formatted(escape(site), escape(site.resolve("check?content=order-42")),
                    settings.delay().toSeconds(), escape(site.resolve("select")), settings.safe(),
                    escape(site.resolve("cron")), escape(settings.passkey()), escape(fortumoPath()));
            Exchanges.html(exchange, Html.page("sms:safe sandbox", body, 0));
        }
    }
}
