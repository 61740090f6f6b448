package lt.smssafe.rates;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import lt.smssafe.logging.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source of rates and its last good copy (docs/protocol.md §5): the feed at {@code rates.url} kept as
 * {@code local.xml}, or Fortumo's service-data XML at {@code fortumo.rates.url} kept as {@code fortumo.xml}. Both
 * follow the same rules, which live here once: a fetched document replaces the file (atomically) and the table only
 * when its reader accepts it; anything else keeps the last good copy and is recorded in {@link #status()}.
 *
 * <p>Not thread-safe for changes: {@link RatesRefresher} calls {@link #load} and {@link #refresh} under its lock.
 * {@link #status()} may be read by anyone at any time.
 */
final class RatesFeed {
    /** Turns a document into a table, or says why it must not replace the current one. */
    @FunctionalInterface
    interface Reader {
        RateTable read(byte[] document) throws InvalidRatesException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RatesFeed.class);

    private final String key;
    private final String label;
    private final String failurePrefix;
    private final Optional<RatesSource> source;
    private final LocalRatesFile file;
    private final Reader reader;
    private final AtomicReference<RatesStatus> status;

    /**
     * @param key the configuration key of the source, for "… is not configured"
     * @param label what the admin calls these rates in messages, e.g. {@code Fortumo rates}
     * @param failurePrefix what a failed refresh's message starts with: nothing for the feed, whose messages stay
     *     as they always were; {@code "Fortumo rates: "} for Fortumo's, so that {@code /cron} says which one failed
     * @param empty the table before anything is loaded
     */
    RatesFeed(String key, String label, String failurePrefix, Optional<RatesSource> source, LocalRatesFile file,
            Reader reader, RateTable empty) {
        this.key = key;
        this.label = label;
        this.failurePrefix = failurePrefix;
        this.source = source;
        this.file = file;
        this.reader = reader;
        this.status = new AtomicReference<>(RatesStatus.initial(source.map(RatesSource::redacted), empty));
    }

    /**
     * One WARN when the source is plain HTTP to another machine: anyone on the way can change the rates (a session
     * of one message instead of three), as the MBS client warns about its endpoint.
     */
    void warnIfPlainHttp() {
        if (source.isPresent() && source.get().isPlainHttpOverNetwork()) {
            LOG.warn("sms:safe {} {} is plain HTTP: anyone on the way can change the rates (the number of"
                    + " messages a session needs); use https", key, source.get().redacted());
        }
    }

    Optional<RatesSource> source() {
        return source;
    }

    LocalRatesFile file() {
        return file;
    }

    RatesStatus status() {
        return status.get();
    }

    /**
     * Loads the last good copy, as at start-up. Never fails: a missing or invalid file leaves the table as it is
     * and the reason in the status.
     */
    void load(Instant now) {
        try {
            Optional<byte[]> content = file.read();
            if (content.isEmpty()) {
                // normal on a first deployment, hence info, but the admin should see why the rates are empty
                recordLoadFailure(file.name() + ": not found in " + file.path().getParent(), now, false);
                return;
            }
            RateTable table = reader.read(content.get());
            status.updateAndGet(current -> current.loaded(table));
            LOG.info("sms:safe {} loaded from {}: {}", label, file.path(), describe(table));
        } catch (InvalidRatesException e) {
            recordLoadFailure(file.name() + ": " + e.getMessage(), now, true);
        } catch (IOException | RuntimeException e) {
            recordLoadFailure(file.name() + ": cannot read " + file.path() + ": " + e, now, true);
        }
    }

    private void recordLoadFailure(String reason, Instant now, boolean warn) {
        status.updateAndGet(current -> current.failed(reason, now));
        if (warn) {
            LOG.warn("sms:safe {} are empty until a refresh succeeds: {}", label, LogText.of(reason));
        } else {
            LOG.info("sms:safe {} are empty until a refresh succeeds: {}", label, LogText.of(reason));
        }
    }

    /** Records that a refresh starts now. */
    void attempted(Instant now) {
        status.updateAndGet(current -> current.attempted(now));
    }

    /**
     * Fetches the source and, if its reader accepts the document, replaces the file and the table.
     *
     * @param http for http and https sources; may be null for a file
     * @param deadlines where a fetch past its deadline is aborted
     * @param clock read when the refresh ends
     * @param publish called with the new table before the status says the refresh succeeded, so that whoever sees
     *     the success also sees the table
     */
    RefreshResult refresh(HttpFeed http, ScheduledExecutorService deadlines, Clock clock,
            Consumer<RateTable> publish) {
        if (source.isEmpty()) {
            return failed(key + " is not configured", clock.instant());
        }
        byte[] document;
        RateTable table;
        try {
            document = source.get().fetch(http, deadlines);
            table = reader.read(document);
        } catch (RatesFetchException | InvalidRatesException e) {
            return failed(e.getMessage(), clock.instant());
        }
        try {
            file.replace(document);
        } catch (IOException e) {
            return failed("cannot write " + file.path() + ": " + e, clock.instant());
        }
        Instant at = clock.instant();
        publish.accept(table);
        status.updateAndGet(current -> current.succeeded(table, at));
        String message = label + " refreshed: " + describe(table);
        LOG.info("sms:safe {} from {}", message, source.get().redacted());
        return new RefreshResult(true, message, at);
    }

    /** Records a failure: the table and the file stay as they are. */
    RefreshResult failed(String reason, Instant at) {
        status.updateAndGet(current -> current.failed(reason, at));
        LOG.warn("sms:safe {} refresh from {} failed, the last good copy stays: {}", label,
                source.map(RatesSource::redacted).orElse("(no " + key + ")"), LogText.of(reason));
        return new RefreshResult(false, failurePrefix + reason, at);
    }

    private static String describe(RateTable table) {
        int countries = table.countries().size();
        int entries = table.entryCount();
        return countries + (countries == 1 ? " country, " : " countries, ")
                + entries + (entries == 1 ? " provider" : " providers");
    }
}
