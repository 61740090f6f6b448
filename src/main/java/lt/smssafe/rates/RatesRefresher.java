package lt.smssafe.rates;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import lt.smssafe.logging.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this safe's rates (PROTOCOL.md §5): loads {@code data.dir/local.xml} at start-up, fetches the feed at
 * {@code rates.url} every {@code rates.refresh} and on demand ({@code /cron}), and replaces the file and the
 * in-memory table only with a feed that is valid, names this safe and lists at least one provider. Anything else
 * keeps the last good copy and is recorded in {@link #status()}.
 *
 * <p>Readers call {@link #table()} and get one whole, immutable version. Refreshes run one at a time, whether
 * scheduled or asked for. Scheduled ones run on a single daemon thread, {@value #THREAD_NAME}, which
 * {@link #close()} stops before the application is undeployed.
 */
public final class RatesRefresher implements AutoCloseable {
    /** How long connecting to the feed may take. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long the whole answer may take, headers and body. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The name of the background thread, for thread dumps and leak checks. */
    public static final String THREAD_NAME = "smssafe-rates";

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(RatesRefresher.class);

    private final long safe;
    private final Optional<RatesSource> source;
    private final Duration refreshEvery;
    private final LocalRatesFile localFile;
    private final Clock clock;
    private final Optional<HttpFeed> http;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final AtomicReference<RatesStatus> status;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    /**
     * The refreshes' thread, and a second one for a fetch's deadline while the first waits for the answer; both made
     * when first needed. Null without {@code rates.url}.
     */
    private final ScheduledThreadPoolExecutor scheduler;
    private boolean started; // guarded by this
    private volatile boolean closed;

    /**
     * A refresher with the default timeouts, {@link #DEFAULT_CONNECT_TIMEOUT} and {@link #DEFAULT_REQUEST_TIMEOUT}.
     * {@link #close()} stops everything it started: its threads and its HTTP client.
     *
     * @param safe this installation's safe id
     * @param language the {@code language} key's code, e.g. {@code en}, for {@code {language}} in the URL
     * @param ratesUrl the {@code rates.url} key; empty when the rates come from {@code local.xml} only
     * @param refreshEvery the {@code rates.refresh} key
     * @param dataDir the {@code data.dir} key: where {@code local.xml} lives
     * @param clock for the times in {@link #status()}
     * @throws IllegalArgumentException if {@code ratesUrl} is not an absolute http, https or file URL
     */
    public RatesRefresher(long safe, String language, Optional<String> ratesUrl, Duration refreshEvery,
            Path dataDir, Clock clock) {
        this(safe, language, ratesUrl, refreshEvery, dataDir, clock, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * A refresher allowing {@code connectTimeout} to connect to the feed and {@code requestTimeout} for each whole
     * answer.
     *
     * @throws IllegalArgumentException if {@code ratesUrl} is not an absolute http, https or file URL
     */
    public RatesRefresher(long safe, String language, Optional<String> ratesUrl, Duration refreshEvery,
            Path dataDir, Clock clock, Duration connectTimeout, Duration requestTimeout) {
        if (safe <= 0) {
            throw new IllegalArgumentException("safe must be positive, not " + safe);
        }
        Objects.requireNonNull(language, "language");
        this.safe = safe;
        this.source = ratesUrl.filter(url -> !url.isBlank()).map(url -> RatesSource.of(url, safe, language));
        this.refreshEvery = requirePositive(refreshEvery, "refreshEvery");
        this.localFile = new LocalRatesFile(Objects.requireNonNull(dataDir, "dataDir"));
        this.clock = Objects.requireNonNull(clock, "clock");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        this.http = source.filter(RatesSource::isHttp).map(s -> new HttpFeed(connectTimeout, requestTimeout));
        this.scheduler = source.isEmpty() ? null : new ScheduledThreadPoolExecutor(2, this::newThread);
        if (scheduler != null) {
            scheduler.setRemoveOnCancelPolicy(true);
        }
        this.status = new AtomicReference<>(
                RatesStatus.initial(source.map(RatesSource::redacted), RateTable.empty(safe)));
    }

    private static Duration requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
        return duration;
    }

    /**
     * Loads {@code local.xml} now and, when {@code rates.url} is set, starts refreshing in the background: the
     * first refresh at once, then every {@code refreshEvery} after the previous one ended. Never fails on a
     * missing or invalid {@code local.xml}: the rates stay empty and the reason is in {@link #status()}.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        synchronized (this) {
            if (closed || started) {
                throw new IllegalStateException(closed ? "the rates refresher is closed" : "already started");
            }
            started = true;
        }
        loadLocalFile();
        if (source.isPresent() && source.get().isPlainHttpOverNetwork()) {
            LOG.warn("sms:safe rates.url {} is plain HTTP: anyone on the way can change the rates (the number of"
                    + " messages a session needs); use https", source.get().redacted());
        }
        if (source.isEmpty()) {
            LOG.info("sms:safe rates.url is not set: the rates come from {} only", localFile.path());
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            scheduler.scheduleWithFixedDelay(this::refreshInBackground, 0, refreshEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private Thread newThread(Runnable task) {
        Thread thread = new Thread(task, THREAD_NAME);
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    private void loadLocalFile() {
        refreshLock.lock();
        try {
            Optional<byte[]> content = localFile.read();
            if (content.isEmpty()) {
                // normal on a first deployment, hence info, but the admin should see why the rates are empty
                recordLoadFailure("local.xml: not found in " + localFile.path().getParent(), false);
                return;
            }
            RateTable table = RatesFormat.parse(content.get(), safe);
            status.updateAndGet(current -> current.loaded(table));
            LOG.info("sms:safe rates loaded from {}: {}", localFile.path(), describe(table));
        } catch (InvalidRatesException e) {
            recordLoadFailure("local.xml: " + e.getMessage(), true);
        } catch (IOException | RuntimeException e) {
            recordLoadFailure("local.xml: cannot read " + localFile.path() + ": " + e, true);
        } finally {
            refreshLock.unlock();
        }
    }

    private void recordLoadFailure(String reason, boolean warn) {
        status.updateAndGet(current -> current.failed(reason, clock.instant()));
        if (warn) {
            LOG.warn("sms:safe rates are empty until a refresh succeeds: {}", LogText.of(reason));
        } else {
            LOG.info("sms:safe rates are empty until a refresh succeeds: {}", LogText.of(reason));
        }
    }

    private void refreshInBackground() {
        try {
            refreshNow();
        } catch (RuntimeException e) {
            // an exception would cancel the schedule; the next run may well succeed
            LOG.error("sms:safe rates refresh failed unexpectedly", e);
        }
    }

    /**
     * Fetches the feed now and, if it is good, replaces {@code local.xml} and the table; waits while another
     * refresh runs. Never throws: a failure keeps the current rates and is recorded.
     */
    public RefreshResult refreshNow() {
        refreshLock.lock();
        try {
            status.updateAndGet(current -> current.attempted(clock.instant()));
            return refresh();
        } catch (RuntimeException e) {
            return failed("unexpected " + e);
        } finally {
            refreshLock.unlock();
        }
    }

    private RefreshResult refresh() {
        if (closed) {
            return failed("the rates refresher is closed");
        }
        if (source.isEmpty()) {
            return failed("rates.url is not configured");
        }
        RatesSource from = source.get();
        byte[] feed;
        RateTable table;
        try {
            feed = from.fetch(http.orElse(null), scheduler);
            table = RatesFormat.parse(feed, safe);
        } catch (RatesFetchException | InvalidRatesException e) {
            return failed(e.getMessage());
        }
        try {
            localFile.replace(feed);
        } catch (IOException e) {
            return failed("cannot write " + localFile.path() + ": " + e);
        }
        Instant at = clock.instant();
        status.updateAndGet(current -> current.succeeded(table, at));
        String message = "rates refreshed: " + describe(table);
        LOG.info("sms:safe {} from {}", message, from.redacted());
        return new RefreshResult(true, message, at);
    }

    private RefreshResult failed(String reason) {
        Instant at = clock.instant();
        status.updateAndGet(current -> current.failed(reason, at));
        LOG.warn("sms:safe rates refresh from {} failed, the last good copy stays: {}",
                source.map(RatesSource::redacted).orElse("(no rates.url)"), LogText.of(reason));
        return new RefreshResult(false, reason, at);
    }

    private static String describe(RateTable table) {
        int countries = table.countries().size();
        int providers = table.providerCount();
        return countries + (countries == 1 ? " country, " : " countries, ")
                + providers + (providers == 1 ? " provider" : " providers");
    }

    /** The rates every request sees now: one whole version, never part of two. */
    public RateTable table() {
        return status.get().table();
    }

    /** The source, the current table, and when refreshes last succeeded, failed and were tried. */
    public RatesStatus status() {
        return status.get();
    }

    /** Where the last good copy is kept: {@code data.dir/local.xml}. */
    public Path localFile() {
        return localFile.path();
    }

    /**
     * Stops the background refreshes and waits, at most 10 seconds, until the {@value #THREAD_NAME} threads have
     * ended, and closes the HTTP client, so that undeploying leaves no thread behind. A fetch in progress is
     * aborted and changes nothing.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        http.ifPresent(HttpFeed::abort);
        try {
            stop();
        } finally {
            http.ifPresent(HttpFeed::close);
        }
    }

    private void stop() {
        if (scheduler == null) {
            return;
        }
        ScheduledExecutorService running = scheduler;
        running.shutdownNow();
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            if (running.awaitTermination(CLOSE_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                // the executor counts as terminated a moment before its thread has actually ended
                for (Thread thread : threads) {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (threads.stream().anyMatch(Thread::isAlive)) {
            LOG.warn("sms:safe the {} thread did not stop within {}", THREAD_NAME, CLOSE_WAIT);
        }
    }
}
