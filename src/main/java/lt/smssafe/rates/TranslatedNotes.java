package lt.smssafe.rates;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lt.smssafe.i18n.Language;

/**
 * The feed's notes in the page languages other than the {@code language} key's, when {@code rates.url} has
 * {@code {language}}: the feed of each such language, fetched on the same schedule and kept as
 * {@code data.dir/local-<language>.xml} by the same rules as {@code local.xml} (a bad one keeps its last good copy).
 * Only their {@code <note>}s are ever used, matched by gateway, country and operator: the numbers, prices and counts
 * come from the configured language's copy alone, so nothing here touches money.
 *
 * <p>Not thread-safe for changes, like {@link RatesFeed}: {@link RatesRefresher} loads and refreshes under its lock;
 * {@link #notes} may be called by anyone at any time.
 */
final class TranslatedNotes {
    private final Map<String, RatesFeed> feeds = new LinkedHashMap<>();

    /**
     * @param template the {@code rates.url} key; without {@code {language}} there is nothing to fetch
     * @param language the {@code language} key's code, whose feed is the main one and not fetched here
     */
    TranslatedNotes(String template, long safe, String language, Path dataDir) {
        if (!template.contains("{language}")) {
            return;
        }
        RateTable empty = RateTable.empty(safe);
        for (Language other : Language.values()) {
            if (other.code().equals(language)) {
                continue;
            }
            String code = other.code();
            feeds.put(code, new RatesFeed("rates.url", "notes in " + code, "notes in " + code + ": ",
                    Optional.of(RatesSource.of(template, safe, code)),
                    new LocalRatesFile(dataDir, "local-" + code + ".xml"),
                    document -> RatesFormat.parse(document, safe), empty));
        }
    }

    /** The feeds of the other languages, in {@link Language}'s order; none without {@code {language}}. */
    List<RatesFeed> feeds() {
        return List.copyOf(feeds.values());
    }

    /** Loads every last good copy, as at start-up; never fails. */
    void load(Instant now) {
        feeds.values().forEach(feed -> feed.load(now));
    }

    /**
     * The notes of {@code rate}'s entry (its gateway, country and operator exactly) in {@code language}'s copy; empty
     * when that language has no copy, the copy has no such entry, or the entry has no notes.
     */
    Optional<List<String>> notes(String language, Rate rate) {
        RatesFeed feed = feeds.get(language);
        if (feed == null) {
            return Optional.empty();
        }
        return feed.status().table().exact(rate.gateway(), rate.country(), rate.operator())
                .map(Rate::notes).filter(notes -> !notes.isEmpty());
    }

    /** Each language's status, by its code: for {@code /cron}'s line on stale notes. */
    Map<String, RatesStatus> statuses() {
        Map<String, RatesStatus> statuses = new LinkedHashMap<>();
        feeds.forEach((code, feed) -> statuses.put(code, feed.status()));
        return statuses;
    }
}
