package lt.smssafe.rates;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this safe's rates (docs/protocol.md §5): loads {@code data.dir/local.xml} at start-up, fetches the feed at
 * {@code rates.url} every {@code rates.refresh} and on demand ({@code /cron}), and replaces the file and the
 * in-memory table only with a feed that is valid, names this safe and lists at least one operator. Anything else
 * keeps the last good copy and is recorded in {@link #status()}. Fortumo's service-data XML at
 * {@code fortumo.rates.url}, when configured, is a second source kept the same way as {@code data.dir/fortumo.xml}
 * ({@link #fortumoStatus()}), on the same schedule. When {@code rates.url} has {@code {language}}, the feed of each
 * other page language is fetched too, on the same schedule, for its notes alone ({@link #notes}): kept as
 * {@code data.dir/local-<language>.xml} by the same rules, it never changes the table or {@code /cron}'s verdict.
 *
 * <p>Readers call {@link #table()} and get one whole, immutable version: {@code local.xml}'s entries with Fortumo's
 * ({@link RateTable#withFortumo}). Refreshes run one at a time, whether scheduled or asked for, whichever source.
 * Scheduled ones run on a single daemon thread, {@value #THREAD_NAME}, which {@link #close()} stops before the
 * application is undeployed.
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
    private final RatesFeed feed;
    private final Optional<RatesFeed> fortumo;
    /** The notes in the other page languages; no feeds without {@code {language}} in {@code rates.url}. */
    private final TranslatedNotes translated;
    private final Duration refreshEvery;
    private final Clock clock;
    private final Optional<HttpFeed> http;
    private final ReentrantLock refreshLock = new ReentrantLock();
    /** Both sources' tables together: replaced whole, under the lock, whenever either changes. */
    private final AtomicReference<RateTable> table;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    /**
     * The refreshes' thread, and a second one for a fetch's deadline while the first waits for the answer; both made
     * when first needed. Null without any source to fetch.
     */
    private final ScheduledThreadPoolExecutor scheduler;
    private boolean started; // guarded by this
    private volatile boolean closed;

    /**
     * A refresher of {@code rates.url} alone with the default timeouts, {@link #DEFAULT_CONNECT_TIMEOUT} and
     * {@link #DEFAULT_REQUEST_TIMEOUT}. {@link #close()} stops everything it started: its threads and its HTTP client.
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
        this(safe, language, ratesUrl, Optional.empty(), refreshEvery, dataDir, clock, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * A refresher of {@code rates.url} and, when configured, Fortumo's service-data XML, with the default timeouts.
     *
     * @param fortumo the {@code fortumo.rates.url} key and what its entries need; empty without it
     * @throws IllegalArgumentException if a URL is not an absolute http, https or file URL
     */
    public RatesRefresher(long safe, String language, Optional<String> ratesUrl, Optional<FortumoRatesConfig> fortumo,
            Duration refreshEvery, Path dataDir, Clock clock) {
        this(safe, language, ratesUrl, fortumo, refreshEvery, dataDir, clock, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * A refresher of {@code rates.url} alone allowing {@code connectTimeout} to connect to the feed and
     * {@code requestTimeout} for each whole answer.
     *
     * @throws IllegalArgumentException if {@code ratesUrl} is not an absolute http, https or file URL
     */
    public RatesRefresher(long safe, String language, Optional<String> ratesUrl, Duration refreshEvery,
            Path dataDir, Clock clock, Duration connectTimeout, Duration requestTimeout) {
        this(safe, language, ratesUrl, Optional.empty(), refreshEvery, dataDir, clock, connectTimeout,
                requestTimeout);
    }

    /**
     * A refresher of both sources allowing {@code connectTimeout} to connect and {@code requestTimeout} for each
     * whole answer.
     *
     * @throws IllegalArgumentException if a URL is not an absolute http, https or file URL
     */
    public RatesRefresher(long safe, String language, Optional<String> ratesUrl, Optional<FortumoRatesConfig> fortumo,
            Duration refreshEvery, Path dataDir, Clock clock, Duration connectTimeout, Duration requestTimeout) {
        if (safe <= 0) {
            throw new IllegalArgumentException("safe must be positive, not " + safe);
        }
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(dataDir, "dataDir");
        this.safe = safe;
        RateTable empty = RateTable.empty(safe);
        this.feed = new RatesFeed("rates.url", "rates", "",
                ratesUrl.filter(url -> !url.isBlank()).map(url -> RatesSource.of(url, safe, language)),
                new LocalRatesFile(dataDir), document -> RatesFormat.parse(document, safe), empty);
        this.fortumo = fortumo.filter(config -> !config.url().isBlank()).map(config -> new RatesFeed(
                "fortumo.rates.url", "Fortumo rates", "Fortumo rates: ", Optional.of(RatesSource.fortumo(config.url())),
                new LocalRatesFile(dataDir, LocalRatesFile.FORTUMO_NAME),
                document -> FortumoRatesFormat.parse(document, safe, config.serviceId(), config.messages()), empty));
        this.translated = new TranslatedNotes(ratesUrl.filter(url -> !url.isBlank()).orElse(""), safe, language,
                dataDir);
        this.refreshEvery = requirePositive(refreshEvery, "refreshEvery");
        this.clock = Objects.requireNonNull(clock, "clock");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        boolean anyHttp = sources().stream().anyMatch(RatesSource::isHttp);
        this.http = anyHttp ? Optional.of(new HttpFeed(connectTimeout, requestTimeout)) : Optional.empty();
        this.scheduler = sources().isEmpty() ? null : new ScheduledThreadPoolExecutor(2, this::newThread);
        if (scheduler != null) {
            scheduler.setRemoveOnCancelPolicy(true);
        }
        this.table = new AtomicReference<>(empty);
    }

    /** The sources that are configured, the feed first. */
    private List<RatesSource> sources() {
        List<RatesSource> sources = new ArrayList<>();
        feed.source().ifPresent(sources::add);
        fortumo.flatMap(RatesFeed::source).ifPresent(sources::add);
        translated.feeds().forEach(notes -> notes.source().ifPresent(sources::add));
        return sources;
    }

    private static Duration requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
        return duration;
    }

    /**
     * Loads {@code local.xml} (and {@code fortumo.xml} when {@code fortumo.rates.url} is set) now and, when a source
     * is configured, starts refreshing in the background: the first refresh at once, then every
     * {@code refreshEvery} after the previous one ended. Never fails on a missing or invalid file: those rates stay
     * empty and the reason is in the status.
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
        loadFiles();
        feed.warnIfPlainHttp();
        fortumo.ifPresent(RatesFeed::warnIfPlainHttp);
        if (feed.source().isEmpty()) {
            LOG.info("sms:safe rates.url is not set: the rates come from {} only", feed.file().path());
        }
        if (scheduler == null) {
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

    private void loadFiles() {
        refreshLock.lock();
        try {
            feed.load(clock.instant());
            fortumo.ifPresent(f -> f.load(clock.instant()));
            translated.load(clock.instant());
            table.set(combined(feed.status().table(), fortumo.map(f -> f.status().table())));
        } finally {
            refreshLock.unlock();
        }
    }

    private RateTable combined(RateTable feedTable, Optional<RateTable> fortumoTable) {
        return feedTable.withFortumo(fortumoTable.orElseGet(() -> RateTable.empty(safe)));
    }

    /** The table of every source with {@code changed}'s new one: called under the lock. */
    private RateTable combinedWith(RatesFeed changed, RateTable newTable) {
        return changed == feed ? combined(newTable, fortumo.map(f -> f.status().table()))
                : combined(feed.status().table(), Optional.of(newTable));
    }

    private void refreshInBackground() {
        try {
            if (feed.source().isPresent()) {
                refreshNow();
            }
            if (fortumo.isPresent()) {
                refreshFortumoNow();
            }
            refreshNotes();
        } catch (RuntimeException e) {
            // an exception would cancel the schedule; the next run may well succeed
            LOG.error("sms:safe rates refresh failed unexpectedly", e);
        }
    }

    /**
     * Fetches the feed at {@code rates.url} now and, if it is good, replaces {@code local.xml} and the table; waits
     * while another refresh runs. Never throws: a failure keeps the current rates and is recorded.
     */
    public RefreshResult refreshNow() {
        return refresh(feed);
    }

    /**
     * Fetches Fortumo's service-data XML now and, if it is good, replaces {@code fortumo.xml} and its entries; as
     * {@link #refreshNow()} otherwise. Without {@code fortumo.rates.url} it fails saying so.
     */
    public RefreshResult refreshFortumoNow() {
        if (fortumo.isEmpty()) {
            return new RefreshResult(false, "fortumo.rates.url is not configured", clock.instant());
        }
        return refresh(fortumo.get());
    }

    /**
     * Refreshes every configured source, the feed first, as {@code POST /cron} does: one result each. Without any
     * source, the feed's "rates.url is not configured". The notes in the other languages are refreshed after them
     * but have no result here: their failure changes no rates; {@link #notesStatus()} says which are stale.
     */
    public List<RefreshResult> refreshAll() {
        List<RefreshResult> results = new ArrayList<>();
        if (feed.source().isPresent() || fortumo.isEmpty()) {
            results.add(refreshNow());
        }
        if (fortumo.isPresent()) {
            results.add(refreshFortumoNow());
        }
        refreshNotes();
        return List.copyOf(results);
    }

    /** Fetches the feed of each other page language for its notes; a failure keeps that language's last good copy. */
    private void refreshNotes() {
        for (RatesFeed notes : translated.feeds()) {
            refresh(notes, newTable -> { });
        }
    }

    private RefreshResult refresh(RatesFeed source) {
        return refresh(source, newTable -> table.set(combinedWith(source, newTable)));
    }

    private RefreshResult refresh(RatesFeed source, Consumer<RateTable> publish) {
        refreshLock.lock();
        try {
            source.attempted(clock.instant());
            if (closed) {
                return source.failed("the rates refresher is closed", clock.instant());
            }
            return source.refresh(http.orElse(null), scheduler, clock, publish);
        } catch (RuntimeException e) {
            return source.failed("unexpected " + e, clock.instant());
        } finally {
            refreshLock.unlock();
        }
    }

    /** The rates every request sees now, of every source: one whole version, never part of two. */
    public RateTable table() {
        return table.get();
    }

    /**
     * The feed's source, its table ({@code local.xml}'s), and when its refreshes last succeeded, failed and were
     * tried.
     */
    public RatesStatus status() {
        return feed.status();
    }

    /** The same for Fortumo's service-data XML; empty without {@code fortumo.rates.url}. */
    public Optional<RatesStatus> fortumoStatus() {
        return fortumo.map(RatesFeed::status);
    }

    /**
     * The notes of {@code rate}'s entry in the feed of {@code language}, a page language other than the
     * {@code language} key's, matched by gateway, country and operator; empty when that language's copy has none (or
     * {@code rates.url} has no {@code {language}}): the page then shows {@code rate}'s own notes.
     */
    public Optional<List<String>> notes(String language, Rate rate) {
        return translated.notes(language, rate);
    }

    /**
     * The status of each other language's copy, by language code, in {@code en, lt, ru} order; empty without
     * {@code {language}} in {@code rates.url}.
     */
    public Map<String, RatesStatus> notesStatus() {
        return translated.statuses();
    }

    /** Where the feed's last good copy is kept: {@code data.dir/local.xml}. */
    public Path localFile() {
        return feed.file().path();
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
