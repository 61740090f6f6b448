package lt.smssafe.mbs;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.WebServiceFeature;
import java.io.Closeable;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import lt.smssafe.mbs.wire.Bill;
import lt.smssafe.mbs.wire.BillByMsisdn;
import lt.smssafe.mbs.wire.CommitTransaction;
import lt.smssafe.mbs.wire.GetTransaction;
import lt.smssafe.mbs.wire.MbsDirectPort;
import lt.smssafe.mbs.wire.MbsFaultException;
import lt.smssafe.mbs.wire.RollBackTransaction;
import lt.smssafe.mbs.wire.TransactionQuery;
import lt.smssafe.mbs.wire.WireTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MBS direct-billing SOAP client for one service (docs/protocol.md §7), the Java counterpart of the PHP
 * {@code Direct} class: bill a registered account, take or give back the money, look transactions up. The billing
 * reports the platform sends are read by a {@link BillingReportReader}, which looks their transactions up here.
 *
 * <p>Every failure is an {@link MbsException} with a state: {@link MbsRefusedException} when the platform said no,
 * {@link MbsUnavailableException} when it could not be asked. Nothing answers a bare {@code false} for a failure;
 * {@link #isBilled} and {@link #isCommitted} answer {@code false} only when the platform said so.
 *
 * <p>Thread-safe; make one per service and keep it. The JAX-WS {@code Service} is created once from the WSDL shipped
 * in the WAR ({@code lt/smssafe/mbs/mbs-direct.wsdl}, never fetched from the platform), and ports are pooled, since a
 * JAX-WS port is not guaranteed to be safe for concurrent calls.
 */
public final class MbsDirect implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MbsDirect.class);

    static final String WSDL = "mbs-direct.wsdl";
    static final QName SERVICE_NAME = new QName(MbsDirectPort.NAMESPACE, "MbsDirectService");
    static final QName PORT_NAME = new QName(MbsDirectPort.NAMESPACE, "MbsDirectPort");

    // Metro's (the JAX-WS reference implementation's) timeouts, int milliseconds
    private static final String METRO_CONNECT_TIMEOUT = "com.sun.xml.ws.connect.timeout";
    private static final String METRO_REQUEST_TIMEOUT = "com.sun.xml.ws.request.timeout";
    // the names Apache CXF (e.g. JBossWS on WildFly) reads, should that implementation serve the WAR
    private static final String CXF_CONNECT_TIMEOUT = "jakarta.xml.ws.client.connectionTimeout";
    private static final String CXF_RECEIVE_TIMEOUT = "jakarta.xml.ws.client.receiveTimeout";

    // more idle ports than concurrent callers would only hold memory
    private static final int MAX_IDLE_PORTS = 8;
    private static final Pattern MSISDN = Pattern.compile("[0-9]{5,20}");
    private static final Pattern OPERATOR = Pattern.compile("[a-z0-9_]{1,32}");

    private final MbsConfig config;
    private final Service service;
    private final WebServiceFeature[] features;
    private final BlockingQueue<MbsDirectPort> idlePorts = new ArrayBlockingQueue<>(MAX_IDLE_PORTS);
    private volatile ReportUrlTemplate reportUrl;
    private volatile boolean closed;

    public MbsDirect(MbsConfig config) {
        this(config, new WebServiceFeature[0]);
    }

    /** With JAX-WS features on every port, e.g. schema validation in the tests. */
    MbsDirect(MbsConfig config, WebServiceFeature... features) {
        this.config = Objects.requireNonNull(config, "MBS configuration is required");
        this.reportUrl = config.reportUrl();
        this.features = features.clone();
        // created once: it reads the WSDL and builds the binding model. Metro takes features only per port.
        this.service = Service.create(wsdl(), SERVICE_NAME);
        if ("http".equalsIgnoreCase(config.endpoint().getScheme()) && !isLoopback(config.endpoint().getHost())) {
            log.warn("MBS endpoint {} is plain HTTP: the secret key of service {} travels unencrypted",
                    config.endpoint(), config.serviceId());
        }
    }

    /** The WSDL shipped with this class. */
    static URL wsdl() {
        URL wsdl = MbsDirect.class.getResource(WSDL);
        if (wsdl == null) {
            throw new IllegalStateException(WSDL + " is missing next to " + MbsDirect.class.getName());
        }
        return wsdl;
    }

    /**
     * Charges the registered account and sends it the request's message; the money is reserved until
     * {@link #commitTransaction} or {@link #rollBackTransaction}.
     *
     * @return the transaction, in status {@code reserve}
     * @throws MbsRefusedException e.g. {@code account_not_found}, or {@code insufficient_funds} and
     *     {@code frequency_limit} with the failed transaction
     * @throws MbsUnavailableException when the platform could not be asked; whether the bill was made is unknown
     */
    public Transaction bill(String accountId, BillRequest request) {
        if (accountId == null || accountId.isEmpty() || accountId.length() > 255) {
            throw new IllegalArgumentException("account id must be 1-255 characters, not '" + accountId + "'");
        }
        Bill bill = WireMapping.bill(accountId, Objects.requireNonNull(request, "bill request is required"),
                reportUrl);
        return billed(call("bill", port -> port.bill(bill).transaction));
    }

    /**
     * Charges the account with this phone number at this operator, as {@link #bill} does.
     *
     * @param accountMsisdn international format without {@code +}, e.g. {@code 37060000001}
     * @param operator the operator's code, e.g. {@code bite_lt}
     */
    public Transaction billByMsisdn(String accountMsisdn, String operator, BillRequest request) {
        if (accountMsisdn == null || !MSISDN.matcher(accountMsisdn).matches()) {
            throw new IllegalArgumentException("msisdn must be 5-20 digits, not '" + accountMsisdn + "'");
        }
        if (operator == null || !OPERATOR.matcher(operator).matches()) {
            throw new IllegalArgumentException("operator must be 1-32 of a-z 0-9 _, not '" + operator + "'");
        }
        BillByMsisdn bill = WireMapping.billByMsisdn(accountMsisdn, operator,
                Objects.requireNonNull(request, "bill request is required"), reportUrl);
        return billed(call("billByMSISDN", port -> port.billByMSISDN(bill).transaction));
    }

    /**
     * The transaction, or empty when it is not this service's (or does not exist).
     *
     * @throws MbsUnavailableException when the platform could not be asked: that is not "no such transaction"
     */
    public Optional<Transaction> getTransaction(long transactionId) {
        requirePositive(transactionId);
        Transaction transaction;
        try {
            transaction = read("getTransaction", call("getTransaction",
                    port -> port.getTransaction(TransactionQuery.about(GetTransaction::new, transactionId))
                            .transaction));
        } catch (MbsRefusedException e) {
            if (MbsState.TRANSACTION_NOT_FOUND.equals(e.state())) {
                return Optional.empty();
            }
            throw e;
        }
        // checked here as well, as the PHP client does: another service's transaction must never count as ours
        boolean ours = transaction.serviceId() == config.serviceId() && transaction.transactionId() == transactionId;
        return ours ? Optional.of(transaction) : Optional.empty();
    }

    /**
     * The transaction if it is this service's and in this status, and, when {@code state} is given, in that state.
     */
    public Optional<Transaction> getTransactionInStatus(long transactionId, TransactionStatus status,
            Optional<String> state) {
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(state, "state is required (Optional.empty() for any)");
        return getTransaction(transactionId)
                .filter(t -> t.status() == status)
                .filter(t -> state.isEmpty() || state.get().equals(t.state()));
    }

    /**
     * The service was delivered: takes the reserved money. Committing a committed transaction again answers it
     * unchanged.
     *
     * @return the transaction, in status {@code commit}
     * @throws MbsRefusedException e.g. {@code transaction_not_found} or {@code invalid_status}
     */
    public Transaction commitTransaction(long transactionId) {
        requirePositive(transactionId);
        return read("commitTransaction", call("commitTransaction",
                port -> port.commitTransaction(TransactionQuery.about(CommitTransaction::new, transactionId))
                        .transaction));
    }

    /**
     * The delivery failed: gives the reserved money back. Not every operator allows it.
     *
     * @return the transaction, in status {@code rollback}
     * @throws MbsRefusedException e.g. {@code rollback_not_allowed} (the money stays reserved),
     *     {@code transaction_not_found} or {@code invalid_status}
     */
    public Transaction rollBackTransaction(long transactionId) {
        requirePositive(transactionId);
        return read("rollBackTransaction", call("rollBackTransaction",
                port -> port.rollBackTransaction(TransactionQuery.about(RollBackTransaction::new, transactionId))
                        .transaction));
    }

    /** Whether the transaction is this service's and paid: status {@code commit}. */
    public boolean isBilled(long transactionId) {
        return getTransaction(transactionId).map(Transaction::isBilled).orElse(false);
    }

    /** Whether the transaction is this service's and committed without errors: status {@code commit}, state ok. */
    public boolean isCommitted(long transactionId) {
        return getTransaction(transactionId).map(Transaction::isCommitted).orElse(false);
    }

    /**
     * The billing-report URL template sent with every following bill.
     *
     * @throws IllegalArgumentException naming an unknown placeholder, see {@link ReportUrlTemplate#parse}
     */
    public void setReportUrl(String template) {
        this.reportUrl = ReportUrlTemplate.parse(template);
    }

    /** The billing-report URL template sent with bills, if one is set. */
    public Optional<String> reportUrl() {
        ReportUrlTemplate current = reportUrl;
        return current == null ? Optional.empty() : Optional.of(current.template());
    }

    /** The service this client speaks for, and its secret key: the billing reports' too. */
    MbsConfig config() {
        return config;
    }

    /** Releases the pooled ports; the client cannot be used afterwards. */
    @Override
    public void close() {
        closed = true;
        for (MbsDirectPort port; (port = idlePorts.poll()) != null; ) {
            closePort(port);
        }
    }

    @Override
    public String toString() {
        return "MbsDirect[" + config + "]";
    }

    /** A bill's answer: the reserved transaction, or the failure a transaction in {@code fail} stands for. */
    private Transaction billed(WireTransaction wire) {
        Transaction transaction = read("bill", wire);
        if (transaction.status() == TransactionStatus.FAIL) {
            log.debug("MBS bill {} of service {} failed: {}", transaction.transactionId(), config.serviceId(),
                    transaction.state());
            String why = transaction.stateDescription() == null ? transaction.state() : transaction.stateDescription();
            throw new MbsRefusedException(transaction.state(), "transaction " + transaction.transactionId()
                    + " failed: " + why, transaction, null);
        }
        return transaction;
    }

    private Transaction read(String operation, WireTransaction wire) {
        try {
            return WireMapping.transaction(wire);
        } catch (RuntimeException e) {
            throw new MbsUnavailableException("unreadable answer of the MBS platform to " + operation + ": "
                    + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T on(MbsDirectPort port) throws MbsFaultException;
    }

    private <T> T call(String operation, Call<T> call) {
        if (closed) {
            throw new IllegalStateException("this MBS client is closed");
        }
        MbsDirectPort port = idlePorts.poll();
        if (port == null) {
            port = newPort();
        }
        try {
            return call.on(port);
        } catch (MbsFaultException e) {
            MbsRefusedException refused = WireFailures.refused(e);
            log.debug("MBS {} refused for service {}: {}", operation, config.serviceId(), refused.getMessage());
            throw refused;
        } catch (WebServiceException e) {
            MbsException failure = WireFailures.classify(operation, config, e);
            log.debug("MBS {} failed for service {}: {}", operation, config.serviceId(), failure.getMessage());
            throw failure;
        } finally {
            if (closed || !idlePorts.offer(port)) {
                closePort(port);
            }
        }
    }

    private MbsDirectPort newPort() {
        MbsDirectPort port = service.getPort(PORT_NAME, MbsDirectPort.class, features);
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, config.endpoint().toString());
        context.put(BindingProvider.USERNAME_PROPERTY, String.valueOf(config.serviceId()));
        context.put(BindingProvider.PASSWORD_PROPERTY, config.secretKey());
        int connectMillis = (int) config.connectTimeout().toMillis();
        int readMillis = (int) config.readTimeout().toMillis();
        context.put(METRO_CONNECT_TIMEOUT, connectMillis);
        context.put(METRO_REQUEST_TIMEOUT, readMillis);
        context.put(CXF_CONNECT_TIMEOUT, (long) connectMillis);
        context.put(CXF_RECEIVE_TIMEOUT, (long) readMillis);
        return port;
    }

    private static void closePort(MbsDirectPort port) {
        // Metro's ports are Closeable and hold resources until closed; the API does not promise it
        if (port instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                log.debug("closing an MBS port failed", e);
            }
        }
    }

    private static void requirePositive(long transactionId) {
        if (transactionId <= 0) {
            throw new IllegalArgumentException("transaction id must be positive, not " + transactionId);
        }
    }

    /** By name only: a constructor must not wait for DNS. */
    private static boolean isLoopback(String host) {
        return "localhost".equalsIgnoreCase(host) || host.startsWith("127.") || "[::1]".equals(host);
    }
}
