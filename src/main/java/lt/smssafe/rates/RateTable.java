package lt.smssafe.rates;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One whole version of the rates of a safe: what the check page shows and where a new session looks up its number
 * of messages, with the entries of every gateway (docs/protocol.md §5). Immutable, so a reader holding it never sees
 * part of an older or newer version.
 */
public final class RateTable {
    private final long safe;
    private final Optional<Instant> generated;
    private final List<Country> countries;
    private final Map<Gateway, Map<String, Map<String, Rate>>> index;
    private final int entryCount;

    private RateTable(long safe, Optional<Instant> generated, List<Country> countries) {
        this.safe = safe;
        this.generated = generated;
        this.countries = List.copyOf(countries);
        Map<Gateway, Map<String, Map<String, Rate>>> byGateway = new EnumMap<>(Gateway.class);
        int count = 0;
        for (Country country : this.countries) {
            for (Rate rate : country.entries()) {
                byGateway.computeIfAbsent(rate.gateway(), g -> new LinkedHashMap<>())
                        .computeIfAbsent(country.code(), c -> new LinkedHashMap<>())
                        .put(rate.operator(), rate);
            }
            count += country.entries().size();
        }
        this.index = byGateway;
        this.entryCount = count;
    }

    /** The table of a safe that has no rates yet. */
    public static RateTable empty(long safe) {
        return new RateTable(safe, Optional.empty(), List.of());
    }

    /**
     * A table of these rates. Countries are sorted by name; within a country the entries keep the given order,
     * which is the feed's (the feed may list its preferred operator first).
     *
     * @throws IllegalArgumentException if two rates have the same gateway, country and operator code
     */
    public static RateTable of(long safe, Optional<Instant> generated, Collection<Rate> rates) {
        Map<String, List<Rate>> byCountry = new LinkedHashMap<>();
        for (Rate rate : rates) {
            List<Rate> entries = byCountry.computeIfAbsent(rate.country(), code -> new ArrayList<>());
            if (entries.stream().anyMatch(other -> other.gateway() == rate.gateway()
                    && other.operator().equals(rate.operator()))) {
                throw new IllegalArgumentException("provider " + rate.operator() + " of " + rate.gateway().code()
                        + " is listed twice in country " + rate.country());
            }
            entries.add(rate);
        }
        // a root-locale collator puts "Čekija" next to "Cyprus" rather than after "Zambia"
        Comparator<Country> byName = Comparator.comparing(Country::name, Collator.getInstance(Locale.ROOT));
        List<Country> countries = byCountry.values().stream()
                .map(entries -> new Country(entries.get(0).country(), entries.get(0).countryName(), entries))
                .sorted(byName.thenComparing(Country::code))
                .toList();
        return new RateTable(safe, Objects.requireNonNull(generated, "generated"), countries);
    }

    /**
     * These rates ({@code local.xml}'s) together with the Fortumo entries of Fortumo's service-data XML (docs/protocol.md
     * §5). A Fortumo entry takes its N and notes from this table's Fortumo entry of the same country and operator
     * and replaces it: Fortumo's file knows the number, keyword and price, the site owner's file the count. This
     * table's other entries stay as they are. Without Fortumo entries the result is this very table.
     */
    public RateTable withFortumo(RateTable fortumo) {
        if (fortumo.isEmpty()) {
            return this;
        }
        List<Rate> rates = new ArrayList<>();
        for (Country country : countries) {
            for (Rate rate : country.entries()) {
                if (rate.gateway() != Gateway.FORTUMO || fortumo.exact(Gateway.FORTUMO, rate.country(),
                        rate.operator()).isEmpty()) {
                    rates.add(rate);
                }
            }
        }
        for (Country country : fortumo.countries()) {
            for (Rate rate : country.entries()) {
                rates.add(exact(Gateway.FORTUMO, rate.country(), rate.operator())
                        .map(named -> rate.withMessagesAndNotes(named.messages(), named.notes()))
                        .orElse(rate));
            }
        }
        return of(safe, generated, rates);
    }

    /** The safe these rates are for. */
    public long safe() {
        return safe;
    }

    /** When the feed was generated, if it said so. */
    public Optional<Instant> generated() {
        return generated;
    }

    /** The countries, sorted by name, each with at least one entry. */
    public List<Country> countries() {
        return countries;
    }

    /**
     * The entry that a message of {@code gateway} from this country and operator matches: the operator's own, else
     * the gateway's entry for all operators of the country. Case-insensitive, because a notification's country is
     * only required to be two letters ({@code LT} must find the feed's {@code lt}).
     */
    public Optional<Rate> find(Gateway gateway, String country, String operator) {
        if (gateway == null || country == null || operator == null) {
            return Optional.empty();
        }
        String countryCode = country.toLowerCase(Locale.ROOT);
        return exact(gateway, countryCode, operator.toLowerCase(Locale.ROOT))
                .or(() -> exact(gateway, countryCode, Rate.ALL_OPERATORS));
    }

    /** The sms:safe entry of one operator: {@link #find(Gateway, String, String)} for {@code /result}'s messages. */
    public Optional<Rate> find(String country, String operator) {
        return find(Gateway.SMSSAFE, country, operator);
    }

    /** The entry of exactly this gateway, country and operator (lower case), without the all-operators fallback. */
    Optional<Rate> exact(Gateway gateway, String country, String operator) {
        Map<String, Rate> byOperator = index.getOrDefault(gateway, Map.of()).get(country);
        return byOperator == null ? Optional.empty() : Optional.ofNullable(byOperator.get(operator));
    }

    /** How many entries, over all countries and gateways, a buyer can choose from. */
    public int entryCount() {
        return entryCount;
    }

    /** Whether no operator can pay: the rates were never loaded, or the file was invalid. */
    public boolean isEmpty() {
        return entryCount == 0;
    }

    @Override
    public String toString() {
        return "RateTable[safe=" + safe + ", generated=" + generated.map(Instant::toString).orElse("-")
                + ", countries=" + countries.size() + ", entries=" + entryCount + "]";
    }

    /**
     * A country and the entries in it that can pay.
     *
     * @param code ISO 3166-1 alpha-2, lower case
     * @param name as the feed names it
     * @param entries in feed order, at least one; an operator may have entries of several gateways
     */
    public record Country(String code, String name, List<Rate> entries) {
        /** Copies {@code entries}, so the country cannot change under its reader. */
        public Country {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            entries = List.copyOf(entries);
        }

        /**
         * The entries of this operator code, one per gateway at most, in feed order; {@link Rate#ALL_OPERATORS}
         * gives the entries for all operators. Case-insensitive, as the page's {@code provider} parameter may be.
         */
        public List<Rate> entriesFor(String operator) {
            String code = operator.toLowerCase(Locale.ROOT);
            return entries.stream().filter(rate -> rate.operator().equals(code)).toList();
        }

        /**
         * Whether the page should say which gateway {@code rate} is: only where the buyer could otherwise not tell it
         * from an entry of another gateway for the same operator (the same operator code, or one of them for all
         * operators), since the number and text differ per gateway. Otherwise the gateway's name is only noise.
         */
        public boolean namesGateway(Rate rate) {
            return entries.stream().anyMatch(other -> other.gateway() != rate.gateway()
                    && (other.operator().equals(rate.operator()) || other.allOperators() || rate.allOperators()));
        }
    }
}
