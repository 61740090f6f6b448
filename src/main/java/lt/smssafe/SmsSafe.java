package lt.smssafe;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import lt.smssafe.action.ActionRun;
import lt.smssafe.action.ActionRunner;
import lt.smssafe.action.PaymentAction;
import lt.smssafe.action.PaymentActions;
import lt.smssafe.action.PaymentLookup;
import lt.smssafe.config.ConfigResolver;
import lt.smssafe.config.ConfigSource;
import lt.smssafe.config.InvalidConfigException;
import lt.smssafe.config.Settings;
import lt.smssafe.mbs.MbsDirect;
import lt.smssafe.mbs.recording.BilledTransaction;
import lt.smssafe.mbs.recording.BillingRecorder;
import lt.smssafe.metrics.NodeHealth;
import lt.smssafe.metrics.NodeMetrics;
import lt.smssafe.persistence.DataSourceLocator;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.queries.PaymentQueries;
import lt.smssafe.queries.SessionQueries;
import lt.smssafe.rates.RatesRefresher;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.sms.PaymentSession;
import lt.smssafe.sms.Redemptions;
import lt.smssafe.sms.Reversal;
import lt.smssafe.sms.RevenueSummary;
import lt.smssafe.sms.SessionRedemption;
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
 * One running sms:safe installation: its settings, database, and services, assembled once per deployment. The
 * servlets reach it through the servlet context.
 */
public final class SmsSafe implements AutoCloseable {
    /** The servlet-context attribute under which the running installation is kept. */
    public static final String CONTEXT_ATTRIBUTE = SmsSafe.class.getName();
    /** Every entity of the persistence unit. */
    public static final List<Class<?>> ENTITIES = List.of(ActionRun.class, BilledTransaction.class,
            SessionRedemption.class);
    /** How the payment-action runner finds each kind of payment: a closed session, a committed transaction. */
    public static final Map<ActionRun.Kind, PaymentLookup> PAYMENT_LOOKUPS = Map.of(
            ActionRun.Kind.SMS_SESSION, PaymentSession::findClosed,
            ActionRun.Kind.MBS_TRANSACTION, BilledTransaction::findOwed,
            ActionRun.Kind.SMS_REVERSAL, Reversal::find);
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
    private final ActionRunner actions;
    private final SessionQueries queries;
    private final PaymentQueries payments;
    private final Redemptions redemptions;
    private final RatesRefresher rates;
    private final Optional<MbsDirect> mbs;
    private final BillingRecorder billing;
    private final NodeMetrics metrics;
    private final NodeHealth health;

    private SmsSafe(Settings settings, Database database, SchemaMigrations migrations, PaymentAction action) {
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
        this.actions = new ActionRunner(database, settings.safe(), action, clock, PAYMENT_LOOKUPS);
        this.queries = new SessionQueries(database, settings.safe(), clock);
        this.payments = new PaymentQueries(database, settings.safe(), clock, settings.timezone());
        this.redemptions = new Redemptions(database, settings.safe(), settings.redeemTest() == TestPolicy.ACCEPT,
                clock);
        this.mbs = settings.mbs().map(config -> new MbsDirect(config, settings.timeWindow(clock)));
        this.billing = new BillingRecorder(database, settings.safe(), clock, reference -> actions.wake());
        this.summary = new RevenueSummary(settings.safe(), settings.timezone());
        this.processor = new MessageProcessor(database, MessageCount.fromRates(rates::table, settings.messages()),
                settings.delay(), settings.language(), clock, new SecureRandom(), closed -> actions.wake(), summary);
        this.metrics = new NodeMetrics(processor, List.of(Notification.DIALECT, FortumoDialect.NAME,
                PayseraDialect.NAME), actions, queries, rates::status, database, database.dataSource(), clock);
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
        PaymentAction action = findAction(settings.action(), classLoader);
        Database database = openDatabase(settings);
        try {
            SchemaMigrations migrations = new SchemaMigrations(database.dataSource());
            if (settings.schemaAuto()) {
                int applied = migrations.migrate();
                LOG.info("sms:safe schema is up to date ({} migrations applied now)", applied);
            } else if (migrations.hasPending()) {
                LOG.warn("sms:safe schema has pending migrations and schema.auto is false: apply them at /setup");
            }
            SmsSafe app = new SmsSafe(settings, database, migrations, action);
            app.summaryUpToDate();
            app.actions.start(ACTION_POLL);
            app.rates.start();
            return app;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static PaymentAction findAction(Optional<String> className, ClassLoader classLoader) {
        try {
            return PaymentActions.find(className, classLoader);
        } catch (IllegalArgumentException e) {
            throw InvalidConfigException.invalid("action", e.getMessage());
        }
    }

    private static Database openDatabase(Settings settings) {
        Optional<DataSource> bound = DataSourceLocator.lookup(settings.datasource());
        if (bound.isPresent()) {
            LOG.info("sms:safe uses the DataSource bound at {}", settings.datasource());
            requireReachable(bound.get(), settings);
            return Database.open(bound.get(), null, ENTITIES);
        }
        if (settings.datasourceExplicit()) {
            throw InvalidConfigException.invalid("datasource", "nothing is bound at '" + settings.datasource() + "'");
        }
        var pool = DataSourceLocator.embedded(settings.dataDir());
        // said loudly: a typo in a <Resource name> lands here, and payments would go to a local file unnoticed
        LOG.warn("sms:safe uses its EMBEDDED H2 database in {}: nothing is bound at {}. That is fine to try it out;"
                + " a production site binds its database there (see docs/deploy-tomcat.md)", settings.dataDir(),
                settings.datasource());
        try {
            return Database.open(pool, pool, ENTITIES);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Fails the start with one line naming the cause when the bound database cannot be reached: otherwise Hibernate
     * fails a step later with "Unable to determine Dialect", which says nothing about a wrong host, password or TLS
     * setting.
     */
    private static void requireReachable(DataSource dataSource, Settings settings) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (java.sql.SQLException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String cause = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
            throw InvalidConfigException.invalid("datasource", "the database bound at '" + settings.datasource()
                    + "' cannot be reached: " + cause);
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
        return database.ownsPool() ? "embedded H2 database in " + settings.dataDir() + " (nothing is bound at "
                + settings.datasource() + ")" : "the DataSource bound at " + settings.datasource();
    }

    public SchemaMigrations migrations() {
        return migrations;
    }

    /** The sms:safe protocol of {@code /result}. */
    public SmsSafeDialect smsSafeDialect() {
        return smsSafeDialect;
    }

    /** Fortumo's {@code /fortumo}, when {@code fortumo.secret} is set. */
    public Optional<FortumoDialect> fortumoDialect() {
        return fortumoDialect;
    }

    /** Paysera's {@code /paysera}, when its project id and password are set. */
    public Optional<PayseraDialect> payseraDialect() {
        return payseraDialect;
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
    public PaymentQueries payments() {
        return payments;
    }

    /** Spends paid codes once (docs/protocol.md §9), for {@code SmsSafePayments.redeem} and {@code /redeem}. */
    public Redemptions redemptions() {
        return redemptions;
    }

    /** The rates: the current table, its refresh status, and refreshing on demand. */
    public RatesRefresher rates() {
        return rates;
    }

    /** The MBS direct-billing client, when {@code mbs.url} is configured. */
    public Optional<MbsDirect> mbs() {
        return mbs;
    }

    /** This node's metrics, for {@code /metrics}. */
    public NodeMetrics metrics() {
        return metrics;
    }

    /** Whether this node can take payments, for {@code /health}. */
    public NodeHealth health() {
        return health;
    }

    /** Records verified billing reports and owes the payment action for committed transactions. */
    public BillingRecorder billing() {
        return billing;
    }

    @Override
    public void close() {
        rates.close();
        mbs.ifPresent(MbsDirect::close);
        actions.close();
        database.close();
    }
}
