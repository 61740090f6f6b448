package lt.smssafe.testing.mbs;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import jakarta.xml.ws.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import lt.smssafe.mbs.AccountType;
import lt.smssafe.mbs.MbsState;
import lt.smssafe.mbs.MtType;
import lt.smssafe.mbs.ReportSigner;
import lt.smssafe.mbs.ReportUrlTemplate;
import lt.smssafe.mbs.Transaction;
import lt.smssafe.mbs.TransactionStatus;
import lt.smssafe.mbs.wire.MbsDirectPort;
import lt.smssafe.mbs.wire.MbsFault;
import lt.smssafe.mbs.wire.MbsFaultException;
import lt.smssafe.mbs.wire.BillBody;
import lt.smssafe.mbs.wire.WireOption;
import lt.smssafe.mbs.wire.WireTransaction;

/**
 * A small MBS platform for tests and demos: a real SOAP endpoint on {@code 127.0.0.1} (a free port) that publishes
 * the WAR's own {@code mbs-direct.wsdl}, validates every message in both directions against its schema, checks HTTP
 * Basic credentials (a wrong secret key gets HTTP 401), keeps accounts and money, and sends signed billing reports
 * after every status change.
 *
 * <p>Rules, as the WSDL describes them: a bill reserves the price (a prepaid balance that is too low gives a
 * transaction in {@code fail} with {@code insufficient_funds}; more than the frequency limit of bills for an account
 * in the window gives {@code frequency_limit}); a commit takes it; a rollback gives it back unless the operator does
 * not allow rollbacks; a service sees only its own transactions. Balances go down for every account type but only a
 * prepaid one is checked; a testing account is never charged.
 *
 * <pre>{@code
 * try (SandboxMbs mbs = new SandboxMbs().addService(1, "secret").addOperator("bite_lt", "Bitė", true)
 *         .addAccount("acc-1", "37060000001", "bite_lt", AccountType.PREPAID, 1000).start()) {
 *     MbsDirect client = new MbsDirect(MbsConfig.of(mbs.url(), 1, "secret", "http://site/report?t=%t"));
 *     ...
 * }
 * }</pre>
 */
public final class SandboxMbs implements AutoCloseable {
    /** Where the ids of the transactions start, as in docs/protocol.md's example. */
    public static final long FIRST_TRANSACTION_ID = 2456;
    private static final String WSDL = "/lt/smssafe/mbs/mbs-direct.wsdl";
    private static final String PATH = "/mbs/direct";

    /** An operator: its code, its name (the {@code %n} of report URLs) and whether it lets money be given back. */
    public record Operator(String id, String name, boolean rollbackAllowed) {
    }

    /**
     * A billing report the platform sent, and what came back.
     *
     * @param uri the whole URL called
     * @param parameters the report's own parameters, as signed
     * @param httpStatus the site's answer, or -1 when there was none
     * @param body the site's answer body, or the error when there was no answer
     */
    public record SentReport(URI uri, Map<String, String> parameters, int httpStatus, String body) {
        /** A report parameter, e.g. {@code status}. */
        public String parameter(String name) {
            return parameters.get(name);
        }
    }

    private record Service(long id, String secretKey, ReportUrlTemplate defaultReportUrl) {
    }

    private static final class Account {
        final String id;
        final String msisdn;
        final String operator;
        final AccountType type;
        long balanceCents;
        final List<Instant> recentBills = new ArrayList<>();

        Account(String id, String msisdn, String operator, AccountType type, long balanceCents) {
            this.id = id;
            this.msisdn = msisdn;
            this.operator = operator;
            this.type = type;
            this.balanceCents = balanceCents;
        }
    }

    /** A transaction as the platform keeps it; changed only under the sandbox's lock. */
    private static final class Kept {
        final long id;
        final long serviceId;
        final Account account;
        final BillCommand command;
        TransactionStatus status;
        String state;
        String stateDescription;

        Kept(long id, long serviceId, Account account, BillCommand command) {
            this.id = id;
            this.serviceId = serviceId;
            this.account = account;
            this.command = command;
        }
    }

    /** What {@code bill} and {@code billByMSISDN} share, already read from the wire. */
    record BillCommand(String ident, String mtType, String mtText, String mtUrl, long price, String currency,
            String language, List<WireOption> options, String urlDelivery) {
        static BillCommand of(BillBody bill) {
            return new BillCommand(bill.ident, bill.mtType, bill.mtText, bill.mtUrl, bill.price, bill.currency,
                    bill.language, bill.options, bill.urlDelivery);
        }
    }

    private final Clock clock;
    private final Map<Long, Service> services = new HashMap<>();
    private final Map<String, Operator> operators = new HashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<Long, Kept> transactions = new LinkedHashMap<>();
    private final List<SentReport> reportsSent = new CopyOnWriteArrayList<>();
    private final List<String> requestsReceived = new CopyOnWriteArrayList<>();
    private long nextTransactionId = FIRST_TRANSACTION_ID;
    private int frequencyLimit = 10;
    private Duration frequencyWindow = Duration.ofMinutes(1);

    private HttpServer server;
    private boolean ownsServer;
    /** Kept so that the platform can come back on the same address after {@link #goDown()}. */
    private javax.net.ssl.SSLContext tls;
    private InetSocketAddress downAt;
    private Endpoint endpoint;
    private ExecutorService requestThreads;
    private ExecutorService reportThread;
    private HttpClient http;

    /** A platform on the system clock. */
    public SandboxMbs() {
        this(Clock.systemUTC());
    }

    /** A platform on this clock: report times and the frequency window. */
    public SandboxMbs(Clock clock) {
        this.clock = clock;
    }

    /** A service that may call, with no default report URL. */
    public synchronized SandboxMbs addService(long id, String secretKey) {
        return addService(id, secretKey, null);
    }

    /** A service that may call, with the report URL template used when a bill names none. */
    public synchronized SandboxMbs addService(long id, String secretKey, String defaultReportUrl) {
        services.put(id, new Service(id, secretKey,
                defaultReportUrl == null ? null : ReportUrlTemplate.parse(defaultReportUrl)));
        return this;
    }

    public synchronized SandboxMbs addOperator(String id, String name, boolean rollbackAllowed) {
        operators.put(id, new Operator(id, name, rollbackAllowed));
        return this;
    }

    /** An account of a known operator, with this balance in cents. */
    public synchronized SandboxMbs addAccount(String id, String msisdn, String operator, AccountType type,
            long balanceCents) {
        if (!operators.containsKey(operator)) {
            throw new IllegalArgumentException("add operator " + operator + " first");
        }
        accounts.put(id, new Account(id, msisdn, operator, type, balanceCents));
        return this;
    }

    /** At most {@code bills} successful bills per account within {@code window}; 10 a minute by default. */
    public synchronized SandboxMbs frequencyLimit(int bills, Duration window) {
        this.frequencyLimit = bills;
        this.frequencyWindow = window;
        return this;
    }

    /**
     * The id of the next transaction billed, instead of {@link #FIRST_TRANSACTION_ID}: a platform that starts anew
     * for a site that kept its database (the demo's) must not hand out the ids of transactions the site has recorded.
     */
    public synchronized SandboxMbs firstTransactionId(long id) {
        this.nextTransactionId = id;
        return this;
    }

    /** An account as a page shows it. */
    public record AccountSummary(String id, String msisdn, String operator, AccountType type, long balanceCents) {
    }

    /** Every account, in the order they were added, with its balance now. */
    public synchronized List<AccountSummary> accounts() {
        return accounts.values().stream()
                .map(a -> new AccountSummary(a.id, a.msisdn, a.operator, a.type, a.balanceCents)).toList();
    }

    /** The account's balance in cents now. */
    public synchronized long balance(String accountId) {
        Account account = accounts.get(accountId);
        if (account == null) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        return account.balanceCents;
    }

    /** A transaction as the platform keeps it, whichever service it belongs to. */
    public synchronized Optional<Transaction> transaction(long id) {
        return Optional.ofNullable(transactions.get(id)).map(this::domain);
    }

    /** Every transaction, newest first, as {@code getTransaction} would show it. */
    public synchronized List<Transaction> transactions() {
        List<Transaction> newestFirst = new ArrayList<>();
        transactions.values().forEach(kept -> newestFirst.add(0, domain(kept)));
        return newestFirst;
    }

    /** Every billing report sent so far, in the order sent. */
    public List<SentReport> reportsSent() {
        return List.copyOf(reportsSent);
    }

    /**
     * Waits until at least {@code count} reports have been sent (and answered).
     *
     * @throws AssertionError when they do not come within {@code timeout}
     */
    public List<SentReport> awaitReports(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (reportsSent.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " billing reports within " + timeout + ", got "
                        + reportsSent);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return reportsSent();
    }

    /** The SOAP envelopes received so far (authenticated ones), as text. */
    public List<String> requestsReceived() {
        return List.copyOf(requestsReceived);
    }

    /** Starts the endpoint on a free port of {@code 127.0.0.1}, over plain HTTP. */
    public synchronized SandboxMbs start() {
        return start(null);
    }

    /** Starts the endpoint over HTTPS, as the real platform is reached, with this server certificate. */
    public synchronized SandboxMbs startTls(javax.net.ssl.SSLContext tls) {
        return start(tls);
    }

    private SandboxMbs start(javax.net.ssl.SSLContext tls) {
        this.tls = tls;
        return listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private SandboxMbs listen(InetSocketAddress address) {
        HttpServer own;
        try {
            if (tls == null) {
                own = HttpServer.create(address, 0);
            } else {
                com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
                own = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // several threads: a report's site calls getTransaction while the sandbox may be answering another call
        requestThreads = Executors.newCachedThreadPool(daemon("sandbox-mbs-http"));
        own.setExecutor(requestThreads);
        publish(own);
        ownsServer = true;
        own.start();
        return this;
    }

    /**
     * Publishes the endpoint at {@code /mbs/direct} of a server someone else runs (the demo's sandbox site), which
     * must answer on several threads: a site's commit call and the platform's report to that site overlap.
     * {@link #close()} then removes the endpoint but leaves the server running.
     */
    public synchronized SandboxMbs startOn(HttpServer shared) {
        publish(shared);
        return this;
    }

    private void publish(HttpServer target) {
        server = target;
        if (reportThread == null) {
            // kept over goDown() and comeBack(): a report queued before the outage still leaves, in order
            reportThread = Executors.newSingleThreadExecutor(daemon("sandbox-mbs-reports"));
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        }
        HttpContext context = server.createContext(PATH);
        context.setAuthenticator(new BasicAuthenticator("mbs") {
            @Override
            public boolean checkCredentials(String user, String password) {
                return authenticates(user, password);
            }
        });
        endpoint = Endpoint.create(new SandboxMbsPort(this));
        endpoint.setMetadata(List.of(shippedWsdl()));
        endpoint.setProperties(Map.of(
                Endpoint.WSDL_SERVICE, new QName(MbsDirectPort.NAMESPACE, "MbsDirectService"),
                Endpoint.WSDL_PORT, new QName(MbsDirectPort.NAMESPACE, "MbsDirectPort")));
        endpoint.getBinding().setHandlerChain(List.of(new RecordingHandler(requestsReceived)));
        endpoint.publish(context);
    }

    /** The SOAP endpoint's address. */
    public URI url() {
        if (server == null) {
            throw new IllegalStateException("start the sandbox first");
        }
        String scheme = server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http";
        int port = (downAt != null ? downAt : server.getAddress()).getPort();
        return URI.create(scheme + "://127.0.0.1:" + port + PATH);
    }

    /**
     * Takes the platform off the network, as an outage looks to a site: its port refuses connections until
     * {@link #comeBack()}. Services, accounts and transactions are kept.
     *
     * @throws IllegalStateException for a platform published on someone else's server ({@link #startOn})
     */
    public synchronized void goDown() {
        if (!ownsServer || downAt != null) {
            throw new IllegalStateException(downAt != null ? "the sandbox is already down"
                    : "only a sandbox started on its own server can go down");
        }
        downAt = server.getAddress();
        endpoint.stop();
        server.stop(0);
        requestThreads.shutdownNow();
    }

    /** Listens again on the address it had before {@link #goDown()}, with everything it kept. */
    public synchronized void comeBack() {
        if (downAt == null) {
            throw new IllegalStateException("the sandbox is not down");
        }
        InetSocketAddress address = downAt;
        downAt = null;
        listen(address);
    }

    @Override
    public synchronized void close() {
        // a sandbox that is down has stopped both already
        if (endpoint != null && downAt == null) {
            endpoint.stop();
        }
        if (server != null && ownsServer && downAt == null) {
            server.stop(0);
        }
        for (ExecutorService executor : new ExecutorService[] {reportThread, requestThreads}) {
            if (executor != null) {
                executor.shutdownNow();
                try {
                    executor.awaitTermination(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // The platform's operations, called by SandboxMbsPort for the authenticated service.

    synchronized WireTransaction bill(long serviceId, String accountId, BillCommand command)
            throws MbsFaultException {
        Account account = accounts.get(accountId);
        if (account == null) {
            throw fault(MbsState.ACCOUNT_NOT_FOUND, "no account " + accountId, null);
        }
        return bill(serviceId, account, command);
    }

    synchronized WireTransaction billByMsisdn(long serviceId, String msisdn, String operator, BillCommand command)
            throws MbsFaultException {
        Account account = accounts.values().stream()
                .filter(a -> a.msisdn.equals(msisdn) && a.operator.equals(operator))
                .findFirst()
                .orElseThrow(() -> fault(MbsState.ACCOUNT_NOT_FOUND, "no account " + msisdn + " at " + operator,
                        null));
        return bill(serviceId, account, command);
    }

    synchronized WireTransaction getTransaction(long serviceId, long id) throws MbsFaultException {
        return wire(find(serviceId, id));
    }

    synchronized WireTransaction commit(long serviceId, long id) throws MbsFaultException {
        Kept kept = find(serviceId, id);
        if (kept.status == TransactionStatus.COMMIT) {
            return wire(kept);
        }
        requireReserved(kept, "committed");
        change(kept, TransactionStatus.COMMIT, MbsState.OK, "committed");
        return wire(kept);
    }

    synchronized WireTransaction rollBack(long serviceId, long id) throws MbsFaultException {
        Kept kept = find(serviceId, id);
        if (kept.status == TransactionStatus.ROLLBACK) {
            return wire(kept);
        }
        requireReserved(kept, "rolled back");
        Operator operator = operators.get(kept.account.operator);
        if (!operator.rollbackAllowed()) {
            throw fault(MbsState.ROLLBACK_NOT_ALLOWED, operator.name() + " does not allow rollbacks", id);
        }
        if (kept.account.type != AccountType.TESTING) {
            kept.account.balanceCents += kept.command.price();
        }
        change(kept, TransactionStatus.ROLLBACK, MbsState.OK, "rolled back");
        return wire(kept);
    }

    private WireTransaction bill(long serviceId, Account account, BillCommand command) throws MbsFaultException {
        validate(serviceId, command);
        Kept kept = new Kept(nextTransactionId++, serviceId, account, command);
        transactions.put(kept.id, kept);
        Instant now = clock.instant();
        account.recentBills.removeIf(at -> at.isBefore(now.minus(frequencyWindow)));
        boolean charged = account.type != AccountType.TESTING;
        if (account.recentBills.size() >= frequencyLimit) {
            change(kept, TransactionStatus.FAIL, MbsState.FREQUENCY_LIMIT, "more than " + frequencyLimit
                    + " bills within " + frequencyWindow);
        } else if (account.type == AccountType.PREPAID && account.balanceCents < command.price()) {
            change(kept, TransactionStatus.FAIL, MbsState.INSUFFICIENT_FUNDS, "balance "
                    + euros(account.balanceCents, command.currency()) + " is below the price "
                    + euros(command.price(), command.currency()));
        } else {
            account.recentBills.add(now);
            if (charged) {
                account.balanceCents -= command.price();
            }
            change(kept, TransactionStatus.RESERVE, MbsState.OK, "reserved");
        }
        return wire(kept);
    }

    /** What the schema cannot say. */
    private void validate(long serviceId, BillCommand command) throws MbsFaultException {
        if ("SMS".equals(command.mtType()) && (command.mtText() == null || command.mtText().isBlank())) {
            throw fault(MbsState.INVALID_REQUEST, "mt_text is required for an SMS", null);
        }
        if ("WapPush".equals(command.mtType()) && command.mtUrl() == null) {
            throw fault(MbsState.INVALID_REQUEST, "mt_url is required for a WapPush", null);
        }
        if (command.urlDelivery() != null) {
            try {
                ReportUrlTemplate.parse(command.urlDelivery());
            } catch (IllegalArgumentException e) {
                throw fault(MbsState.INVALID_REQUEST, "url_delivery: " + e.getMessage(), null);
            }
        }
        if (command.options() != null
                && command.options().stream().map(o -> o.name).distinct().count() < command.options().size()) {
            throw fault(MbsState.INVALID_REQUEST, "options: a name is given twice", null);
        }
    }

    private Kept find(long serviceId, long id) throws MbsFaultException {
        Kept kept = transactions.get(id);
        // another service's transaction is answered exactly like a missing one: it must not even be seen to exist
        if (kept == null || kept.serviceId != serviceId) {
            throw fault(MbsState.TRANSACTION_NOT_FOUND, "no transaction " + id + " of service " + serviceId, id);
        }
        return kept;
    }

    private static void requireReserved(Kept kept, String verb) throws MbsFaultException {
        if (kept.status != TransactionStatus.RESERVE) {
            throw fault(MbsState.INVALID_STATUS, "transaction " + kept.id + " is " + kept.status.wireName()
                    + " and cannot be " + verb, kept.id);
        }
    }

    private void change(Kept kept, TransactionStatus status, String state, String description) {
        kept.status = status;
        kept.state = state;
        kept.stateDescription = description;
        sendReport(kept);
    }

    private static MbsFaultException fault(String state, String description, Long transactionId) {
        return new MbsFaultException(description, new MbsFault(state, description, transactionId));
    }

    boolean authenticates(String user, String password) {
        Service service;
        try {
            synchronized (this) {
                service = services.get(Long.parseLong(user));
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return service != null && service.secretKey().equals(password);
    }

    // Billing reports

    /** Queued under the lock, so reports leave in the order of the changes; sent by one thread, off the lock. */
    private void sendReport(Kept kept) {
        Service service = services.get(kept.serviceId);
        ReportUrlTemplate template = kept.command.urlDelivery() != null
                ? ReportUrlTemplate.parse(kept.command.urlDelivery()) : service.defaultReportUrl();
        if (template == null || reportThread == null) {
            return;
        }
        String base = template.expand(domain(kept), operators.get(kept.account.operator).name());
        long transactionId = kept.id;
        long serviceId = kept.serviceId;
        String status = kept.status.wireName();
        String state = kept.state;
        reportThread.execute(() -> {
            long time = clock.instant().getEpochSecond();
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("transaction_id", String.valueOf(transactionId));
            parameters.put("service_id", String.valueOf(serviceId));
            parameters.put("status", status);
            parameters.put("state", state);
            parameters.put("time", String.valueOf(time));
            parameters.put("sign", ReportSigner.sign(service.secretKey(), transactionId, serviceId, status, state,
                    time));
            URI uri = URI.create(base + separator(base) + form(parameters));
            reportsSent.add(send(uri, parameters));
        });
    }

    private SentReport send(URI uri, Map<String, String> parameters) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return new SentReport(uri, parameters, response.statusCode(), response.body());
        } catch (IOException e) {
            return new SentReport(uri, parameters, -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SentReport(uri, parameters, -1, e.toString());
        }
    }

    private static String separator(String url) {
        if (!url.contains("?")) {
            return "?";
        }
        return url.endsWith("?") || url.endsWith("&") ? "" : "&";
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    // The sandbox's own mapping, written apart from the client's so that one cannot hide a mistake of the other

    private Transaction domain(Kept kept) {
        Map<String, String> options = new LinkedHashMap<>();
        if (kept.command.options() != null) {
            kept.command.options().forEach(o -> options.put(o.name, o.value));
        }
        return new Transaction(kept.id, kept.serviceId, kept.command.ident(), kept.account.operator, kept.account.id,
                kept.account.msisdn, accountIdent(kept.account), kept.account.type, kept.command.price(),
                kept.command.price(), kept.command.currency(), MtType.fromWire(kept.command.mtType()),
                kept.command.mtText(), kept.command.mtUrl(), kept.status, kept.state, kept.stateDescription,
                options);
    }

    private static WireTransaction wire(Kept kept) {
        WireTransaction wire = new WireTransaction();
        wire.transactionId = kept.id;
        wire.serviceId = kept.serviceId;
        wire.ident = kept.command.ident();
        wire.operator = kept.account.operator;
        wire.accountId = kept.account.id;
        wire.accountMsisdn = kept.account.msisdn;
        wire.accountIdent = accountIdent(kept.account);
        wire.accountType = kept.account.type.name().toLowerCase(java.util.Locale.ROOT);
        wire.price = kept.command.price();
        // the sandbox's operators add nothing to the service's price
        wire.tariff = kept.command.price();
        wire.currency = kept.command.currency();
        wire.mtType = kept.command.mtType();
        wire.mtText = kept.command.mtText();
        wire.mtUrl = kept.command.mtUrl();
        wire.status = kept.status.name().toLowerCase(java.util.Locale.ROOT);
        wire.state = kept.state;
        wire.stateDescription = kept.stateDescription;
        wire.options = kept.command.options() == null || kept.command.options().isEmpty() ? null
                : kept.command.options().stream().map(o -> new WireOption(o.name, o.value)).toList();
        return wire;
    }

    private static String accountIdent(Account account) {
        return "sub-" + account.msisdn;
    }

    private static Source shippedWsdl() {
        URL wsdl = SandboxMbs.class.getResource(WSDL);
        if (wsdl == null) {
            throw new IllegalStateException(WSDL + " is not on the class path");
        }
        try {
            InputStream in = wsdl.openStream();
            return new StreamSource(in, wsdl.toExternalForm());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Money as people read it, e.g. {@code 1.00 EUR}: the wire's cents are for machines. */
    private static String euros(long cents, String currency) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString() + " " + currency;
    }
}
