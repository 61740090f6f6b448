package lt.smssafe.rates;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One whole version of the rates of a safe: what the check page shows and where a new session looks up its number
 * of messages. Immutable, so a reader holding it never sees part of an older or newer version.
 */
public final class RateTable {
    private final long safe;
    private final Optional<Instant> generated;
    private final List<Country> countries;
    private final Map<String, Map<String, Rate>> index;
    private final int providerCount;

    private RateTable(long safe, Optional<Instant> generated, List<Country> countries) {
        this.safe = safe;
        this.generated = generated;
        this.countries = List.copyOf(countries);
        Map<String, Map<String, Rate>> byCountry = new LinkedHashMap<>();
        int count = 0;
        for (Country country : this.countries) {
            Map<String, Rate> byProvider = new LinkedHashMap<>();
            for (Rate rate : country.providers()) {
                byProvider.put(rate.provider(), rate);
            }
            byCountry.put(country.code(), Map.copyOf(byProvider));
            count += country.providers().size();
        }
        this.index = Map.copyOf(byCountry);
        this.providerCount = count;
    }

    /** The table of a safe that has no rates yet. */
    public static RateTable empty(long safe) {
        return new RateTable(safe, Optional.empty(), List.of());
    }

    /**
     * A table of these rates. Countries are sorted by name; within a country the providers keep the given order,
     * which is the feed's (the provider may list its preferred operator first).
     *
     * @throws IllegalArgumentException if two rates have the same country and provider code
     */
    public static RateTable of(long safe, Optional<Instant> generated, Collection<Rate> rates) {
        Map<String, List<Rate>> byCountry = new LinkedHashMap<>();
        for (Rate rate : rates) {
            List<Rate> providers = byCountry.computeIfAbsent(rate.country(), code -> new ArrayList<>());
            if (providers.stream().anyMatch(other -> other.provider().equals(rate.provider()))) {
                throw new IllegalArgumentException(
                        "provider " + rate.provider() + " is listed twice in country " + rate.country());
            }
            providers.add(rate);
        }
        // a root-locale collator puts "Čekija" next to "Cyprus" rather than after "Zambia"
        Comparator<Country> byName = Comparator.comparing(Country::name, Collator.getInstance(Locale.ROOT));
        List<Country> countries = byCountry.values().stream()
                .map(providers -> new Country(providers.get(0).country(), providers.get(0).countryName(), providers))
                .sorted(byName.thenComparing(Country::code))
                .toList();
        return new RateTable(safe, Objects.requireNonNull(generated, "generated"), countries);
    }

    /** The safe these rates are for. */
    public long safe() {
        return safe;
    }

    /** When the provider generated the feed, if it said so. */
    public Optional<Instant> generated() {
        return generated;
    }

    /** The countries, sorted by name, each with at least one provider. */
    public List<Country> countries() {
        return countries;
    }

    /**
     * The rate of one operator, as a notification names it; case-insensitive, because a notification's country
     * is only required to be two letters ({@code LT} must find the feed's {@code lt}).
     */
    public Optional<Rate> find(String country, String provider) {
        if (country == null || provider == null) {
            return Optional.empty();
        }
        Map<String, Rate> providers = index.get(country.toLowerCase(Locale.ROOT));
        return providers == null ? Optional.empty()
                : Optional.ofNullable(providers.get(provider.toLowerCase(Locale.ROOT)));
    }

    /** How many operators, over all countries, can pay. */
    public int providerCount() {
        return providerCount;
    }

    /** Whether no operator can pay: the rates were never loaded, or the file was invalid. */
    public boolean isEmpty() {
        return providerCount == 0;
    }

    @Override
    public String toString() {
        return "RateTable[safe=" + safe + ", generated=" + generated.map(Instant::toString).orElse("-")
                + ", countries=" + countries.size() + ", providers=" + providerCount + "]";
    }

    /**
     * A country and the operators in it that can pay.
     *
     * @param code ISO 3166-1 alpha-2, lower case
     * @param name as the feed names it
     * @param providers in feed order, at least one
     */
    public record Country(String code, String name, List<Rate> providers) {
        /** Copies {@code providers}, so the country cannot change under its reader. */
        public Country {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            providers = List.copyOf(providers);
        }
    }
}
