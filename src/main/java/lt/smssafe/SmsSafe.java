package lt.smssafe;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import lt.smssafe.action.ActionRunners;
import lt.smssafe.action.PaymentActions;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.api.SmsSafePayments;
import lt.smssafe.config.ConfigResolver;
import lt.smssafe.config.ConfigSource;
import lt.smssafe.config.InvalidConfigException;
import lt.smssafe.config.Settings;
import lt.smssafe.mbs.BillingReportReader;
import lt.smssafe.mbs.MbsDirect;
import lt.smssafe.mbs.recording.BillingRecorder;
import lt.smssafe.metrics.NodeHealth;
import lt.smssafe.metrics.NodeMetrics;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.queries.PaymentPages;
import lt.smssafe.queries.SessionQueries;
import lt.smssafe.rates.Gateway;
import lt.smssafe.rates.RatesRefresher;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.sms.Redemptions;
import lt.smssafe.sms.RevenueSummary;
import lt.smssafe.sms.dialect.Dialect;
import lt.smssafe.sms.dialect.TestPolicy;
import lt.smssafe.sms.dialect.fortumo.FortumoDialect;
import lt.smssafe.sms.dialect.paysera.PayseraDialect;
import lt.smssafe.sms.dialect.smssafe.NotificationGate;
import lt.smssafe.sms.dialect.smssafe.Notification;
import lt.smssafe.sms.dialect.smssafe.NotificationSigner;
import lt.smssafe.sms.dialect.smssafe.SmsSafeDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running sms:safe installation: its settings, database, and services, wired once per deployment; the database
 * itself is opened and migrated by {@link DatabaseBootstrap}. The servlets reach it through the servlet context.
 */
public final class SmsSafe implements AutoCloseable {
    /** The servlet-context attribute under which the running installation is kept. */
    public static final String CONTEXT_ATTRIBUTE = SmsSafe.class.getName();
    private static final Logger LOG = LoggerFactory.getLogger(SmsSafe.class);
    /** How often the payment-action runner looks for retries that fell due and runs left behind by a crash. */
    private static final Duration ACTION_POLL = Duration.ofSeconds(5);

    private final Settings settings;
    private final Database database;
    private final SchemaMigrations migrations;
    private final SmsSafeDialect smsSafeDialect;
    private final Optional<FortumoDialect> fortumoDialect;
    private final Optional<PayseraDialect> payseraDialect;
    private final MessageProcessor processor;
    private final RevenueSummary summary;
    private final PaymentDeliveries deliveries;
    private final SessionQueries queries;
    private final PaymentPages payments;
    private final SmsSafePayments sitePayments;
    private final RatesRefresher rates;
    private final Optional<MbsDirect> mbs;
    private final Optional<BillingReportReader> billingReports;
    private final BillingRecorder billing;
    private final NodeMetrics metrics;
    private final NodeHealth health;

    private SmsSafe(Settings settings, Database database, SchemaMigrations migrations,
            Optional<PaymentAction> action) {
        Clock clock = Clock.systemUTC();
        this.settings = settings;
        this.database = database;
        this.migrations = migrations;
        this.rates = new RatesRefresher(settings.safe(), settings.language().code(), settings.ratesUrl(),
                settings.fortumoRates(), settings.ratesRefresh(), settings.dataDir(), clock);
        this.smsSafeDialect = new SmsSafeDialect(new NotificationGate(settings.safe(),
                new NotificationSigner(settings.signature(), settings.passkey()), settings.timeWindow(clock),
                settings.notifyAllow()));
        this.fortumoDialect = settings.fortumo().map(config -> new FortumoDialect(config, settings.notifyAllow()));
        this.payseraDialect = settings.paysera().map(config -> new PayseraDialect(config, settings.notifyAllow()));
        this.deliveries = PaymentDeliveries.of(database, settings.safe(), action, settings.webhook(), clock);
        ActionRunners actions = deliveries.runners();
        this.queries = new SessionQueries(database, settings.safe(), clock);
        this.payments = PaymentPages.of(database, settings.safe(), clock, settings.timezone());
        this.mbs = settings.mbs().map(MbsDirect::new);
        this.billingReports = mbs.map(client -> new BillingReportReader(client, settings.timeWindow(clock)));
        this.sitePayments = new InstallationPayments(queries, new Redemptions(database, settings.safe(),
                settings.redeemTest() == TestPolicy.ACCEPT, clock), mbs);
        this.billing = new BillingRecorder(database, settings.safe(), clock,
                new CommittedMbsTransactions(settings.safe(), actions));
        this.summary = new RevenueSummary(settings.safe(), settings.timezone());
        this.processor = new MessageProcessor(database, MessageCount.fromRates(rates::table, settings.messages()),
                settings.delay(), settings.language(), clock, new SecureRandom(), actions, summary);
        this.metrics = new NodeMetrics(processor, List.of(Notification.DIALECT, FortumoDialect.NAME,
                PayseraDialect.NAME), actions, deliveries.webhook(), queries, rates::status, database,
                database.dataSource(), clock);
        this.health = new NodeHealth(database, migrations, clock);
    }

    /**
     * Resolves the configuration (JNDI, then the context's init-params, then system properties, then the
     * environment), opens the database, applies migrations when {@code schema.auto} says so, and starts the
     * payment-action runner.
     *
     * @param initParameters the servlet context's {@code getInitParameter}
     * @throws InvalidConfigException naming the key when the configuration is missing or wrong
     */
    public static SmsSafe start(Function<String, String> initParameters, ClassLoader classLoader) {
        Settings settings = Settings.resolve(new ConfigResolver(List.of(ConfigSource.jndi(),
                        ConfigSource.initParams(initParameters), ConfigSource.systemProperties(System.getProperties()),
                        ConfigSource.environment(System.getenv()))),
                System.getProperties());
        Optional<PaymentAction> action = findAction(settings.action(), classLoader);
        Database database = DatabaseBootstrap.open(settings);
        try {
            SchemaMigrations migrations = DatabaseBootstrap.schemaUpToDate(database, settings);
            SmsSafe app = new SmsSafe(settings, database, migrations, action);
            app.summaryUpToDate();
            app.deliveries.runners().start(ACTION_POLL);
            app.rates.start();
            return app;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The site owner's own payment action, if one is configured. */
    private static Optional<PaymentAction> findAction(Optional<String> className, ClassLoader classLoader) {
        try {
            return PaymentActions.configured(className, classLoader);
        } catch (IllegalArgumentException e) {
            throw InvalidConfigException.invalid("action", e.getMessage());
        }
    }

    /**
     * Counts the dashboard's summary again from the sessions when its time zone is not the configured one or it was
     * never built (a database migrated from schema v8), before this node takes a message: while it counts, a close on
     * another node waits for it, and the dashboard would show figures of the old zone. Nothing while migrations are
     * pending (the tables may not be there yet): {@code /setup} calls it again after applying them.
     */
    public void summaryUpToDate() {
        if (migrations.hasPending()) {
            return;
        }
        long start = System.nanoTime();
        if (summary.rebuildIfNeeded(database, Clock.systemUTC())) {
            LOG.info("sms:safe counted the dashboard's summary from the sessions, by days in {}, in {} ms",
                    summary.zone(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    public Settings settings() {
        return settings;
    }

    /** Whether this installation runs on the embedded H2 file because nothing is bound at {@code datasource}. */
    public boolean usesEmbeddedDatabase() {
        return database.ownsPool();
    }

    /** Which database this installation uses, for the admin: a bound DataSource or the embedded H2 file. */
    public String databaseDescription() {
        return DatabaseBootstrap.description(database, settings);
    }

    public SchemaMigrations migrations() {
        return migrations;
    }

    /**
     * The dialect of this gateway in this installation: sms:safe's of {@code /result} always; Fortumo's when
     * {@code fortumo.secret} is set, Paysera's when its project id and password are.
     */
    public Optional<? extends Dialect> dialect(Gateway gateway) {
        return switch (gateway) {
            case SMSSAFE -> Optional.of(smsSafeDialect);
            case FORTUMO -> fortumoDialect;
            case PAYSERA -> payseraDialect;
        };
    }

    /** Applies a verified paid message of any dialect to its session. */
    public MessageProcessor processor() {
        return processor;
    }

    /** Read-only questions about this safe's payments. */
    public SessionQueries queries() {
        return queries;
    }

    /** Every payment, for the site owner's payments pages, their CSV and the dashboard. */
    public PaymentPages payments() {
        return payments;
    }

    /**
     * The site owner's entry ({@link SmsSafePayments#of}): session status, spending paid codes once (docs/protocol.md
     * §9, also for {@code /redeem}) and the MBS client.
     */
    public SmsSafePayments sitePayments() {
        return sitePayments;
    }

    /** The rates: the current table, its refresh status, and refreshing on demand. */
    public RatesRefresher rates() {
        return rates;
    }

    /** The MBS direct-billing client, when {@code mbs.url} is configured. */
    public Optional<MbsDirect> mbs() {
        return mbs;
    }

    /** Reads the MBS billing reports, for {@code /mbs/report}, when {@code mbs.url} is configured. */
    public Optional<BillingReportReader> billingReports() {
        return billingReports;
    }

    /** This node's metrics, for {@code /metrics}. */
    public NodeMetrics metrics() {
        return metrics;
    }

    /** Whether this node can take payments, for {@code /health}. */
    public NodeHealth health() {
        return health;
    }

    /**
     * The payment action's runners, one per target (the Java action, the webhook): for the admin's "send again" of
     * a webhook that was given up ({@link ActionRunners#sendAgain}).
     */
    public ActionRunners actions() {
        return deliveries.runners();
    }

    /** Records verified billing reports and owes the payment action for committed transactions. */
    public BillingRecorder billing() {
        return billing;
    }

    @Override
    public void close() {
        rates.close();
        mbs.ifPresent(MbsDirect::close);
        deliveries.close();
        database.close();
    }
}
