package lt.smssafe;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import lt.smssafe.action.ActionRun;
import lt.smssafe.billing.BilledTransaction;
import lt.smssafe.billing.BillingRecorder;
import lt.smssafe.mbs.MbsDirect;
import lt.smssafe.action.ActionRunner;
import lt.smssafe.action.PaymentAction;
import lt.smssafe.action.PaymentActions;
import lt.smssafe.config.ConfigResolver;
import lt.smssafe.config.ConfigSource;
import lt.smssafe.config.InvalidConfigException;
import lt.smssafe.config.Settings;
import lt.smssafe.notify.NotificationGate;
import lt.smssafe.persistence.DataSourceLocator;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.PhoneLock;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.processing.MessageCount;
import lt.smssafe.processing.NotificationProcessor;
import lt.smssafe.rates.RatesRefresher;
import lt.smssafe.reporting.SessionReports;
import lt.smssafe.session.PaymentSession;
import lt.smssafe.session.ReceivedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running sms:safe installation: its settings, database, and services, assembled once per deployment. The
 * servlets reach it through the servlet context.
 */
public final class SmsSafe implements AutoCloseable {
    /** Every entity of the persistence unit. */
    public static final List<Class<?>> ENTITIES = List.of(PhoneLock.class, PaymentSession.class,
            ReceivedMessage.class, ActionRun.class, BilledTransaction.class);
    private static final Logger LOG = LoggerFactory.getLogger(SmsSafe.class);
    /** How often the payment-action runner looks for retries that fell due and runs left behind by a crash. */
    private static final Duration ACTION_POLL = Duration.ofSeconds(5);

    private final Settings settings;
    private final Database database;
    private final SchemaMigrations migrations;
    private final NotificationGate gate;
    private final NotificationProcessor processor;
    private final ActionRunner actions;
    private final SessionReports reports;
    private final RatesRefresher rates;
    private final Optional<MbsDirect> mbs;
    private final BillingRecorder billing;

    private SmsSafe(Settings settings, Database database, SchemaMigrations migrations, PaymentAction action) {
        Clock clock = Clock.systemUTC();
        this.settings = settings;
        this.rates = new RatesRefresher(settings.safe(), settings.language().code(), settings.ratesUrl(),
                settings.ratesRefresh(), settings.dataDir(), clock);
        this.database = database;
        this.migrations = migrations;
        this.gate = new NotificationGate(settings.safe(), settings.signature(), settings.passkey(),
                settings.maxSkew(), settings.notifyAllow(), clock);
        this.actions = new ActionRunner(database, settings.safe(), action, clock);
        this.reports = new SessionReports(database, settings.safe(), clock);
        this.mbs = settings.mbs().map(config -> new MbsDirect(config, settings.maxSkew(), clock));
        this.billing = new BillingRecorder(database, settings.safe(), clock, reference -> actions.wake());
        this.processor = new NotificationProcessor(database, settings.safe(), MessageCount.fromRates(rates::table, settings.messages()),
                settings.delay(), settings.language(), clock, new SecureRandom(), closed -> actions.wake());
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
            return Database.open(bound.get(), null, ENTITIES);
        }
        if (settings.datasourceExplicit()) {
            throw InvalidConfigException.invalid("datasource", "nothing is bound at '" + settings.datasource() + "'");
        }
        var pool = DataSourceLocator.embedded(settings.dataDir());
        LOG.info("sms:safe uses the embedded H2 database in {}", settings.dataDir());
        try {
            return Database.open(pool, pool, ENTITIES);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public SchemaMigrations migrations() {
        return migrations;
    }

    public NotificationGate gate() {
        return gate;
    }

    public NotificationProcessor processor() {
        return processor;
    }

    /** Read-only questions about this safe's payments. */
    public SessionReports reports() {
        return reports;
    }

    /** The rates: the current table, its refresh status, and refreshing on demand. */
    public RatesRefresher rates() {
        return rates;
    }

    /** The MBS direct-billing client, when {@code mbs.url} is configured. */
    public Optional<MbsDirect> mbs() {
        return mbs;
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
