package lt.smssafe.rates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Fortumo's service-data XML (docs/protocol.md §5, {@code fortumo.rates.url}) into Fortumo entries, accepting it
 * only when it is valid against {@code fortumo-service-data.xsd}, says status 0, is for the configured service (when
 * {@code fortumo.service-id} is set) and lists at least one country.
 *
 * <p>What becomes an entry, per country: each operator of each message profile of each price, its code made a
 * operator code by {@link OperatorCode} so that it meets the {@code operator} of Fortumo's requests; a message
 * profile without operators (a file asked for without billing information) is one entry for all operators
 * ({@link Rate#ALL_OPERATORS}). Where several prices name one operator, the first in the file counts: a session has
 * one price per message. A country that says {@code approved="false"} gives no entries, since its buyers cannot pay
 * yet. N is the {@code messages} key here; {@link RateTable#withFortumo} lets {@code local.xml} name another.
 */
public final class FortumoRatesFormat {
    private static final SecureXml<FortumoServiceData> XML = new SecureXml<>(FortumoServiceData.class,
            "services_api_response", "fortumo-service-data.xsd");
    /** The name an all-operators entry shows where the page has no word of its own for it. */
    static final String ALL_OPERATORS_NAME = "all operators";

    private FortumoRatesFormat() {
    }

    /**
     * Parses and checks one service-data document.
     *
     * @param xml the document's bytes; its encoding is taken from the XML declaration (UTF-8 by default)
     * @param safe this installation's safe id, for the table
     * @param serviceId the {@code fortumo.service-id} key; empty takes any service
     * @param messages the {@code messages} key: N of every entry
     * @throws InvalidRatesException with the reason, e.g. {@code line 5: cvc-…}, {@code Fortumo answered status 3:
     *     Invalid service}, {@code the file is for Fortumo service abc, not def} or {@code the file lists no countries}
     */
    public static RateTable parse(byte[] xml, long safe, Optional<String> serviceId, int messages)
            throws InvalidRatesException {
        FortumoServiceData document = XML.read(xml);
        if (document.status.code != 0) {
            String message = document.status.message == null ? "" : ": " + document.status.message.strip();
            throw new InvalidRatesException("Fortumo answered status " + document.status.code + message);
        }
        if (document.service == null) {
            throw new InvalidRatesException("the file names no service");
        }
        if (serviceId.isPresent() && !serviceId.get().equals(document.service.id)) {
            throw new InvalidRatesException("the file is for Fortumo service " + document.service.id + ", not "
                    + serviceId.get());
        }
        if (document.service.countries.isEmpty()) {
            throw new InvalidRatesException("the file lists no countries");
        }
        List<Rate> rates = new ArrayList<>();
        for (FortumoServiceData.Country country : document.service.countries) {
            if (!Boolean.FALSE.equals(country.approved)) {
                addEntries(country, messages, rates);
            }
        }
        return RateTable.of(safe, Optional.empty(), rates);
    }

    private static void addEntries(FortumoServiceData.Country country, int messages, List<Rate> rates) {
        String code = country.code.toLowerCase(Locale.ROOT);
        Optional<PromotionalText> promotion = Optional.ofNullable(country.promotion)
                .map(p -> new PromotionalText(p.local == null ? "" : p.local, p.english == null ? "" : p.english))
                .filter(p -> !p.isBlank());
        Set<String> seen = new HashSet<>();
        for (FortumoServiceData.Price price : country.prices) {
            BigDecimal amount = money(price.amount);
            for (FortumoServiceData.MessageProfile profile : price.profiles) {
                if (profile.operators.isEmpty() && seen.add(Rate.ALL_OPERATORS)) {
                    rates.add(new Rate(Gateway.FORTUMO, code, country.name, Rate.ALL_OPERATORS, ALL_OPERATORS_NAME,
                            profile.shortcode, profile.keyword, amount, price.currency, price.vatIncluded, messages,
                            List.of(), promotion));
                }
                for (FortumoServiceData.Operator operator : profile.operators) {
                    String operatorCode = OperatorCode.of(operator.code);
                    if (seen.add(operatorCode)) {
                        rates.add(new Rate(Gateway.FORTUMO, code, country.name, operatorCode, operator.name,
                                profile.shortcode, profile.keyword, amount, price.currency, price.vatIncluded,
                                messages, List.of(), promotion));
                    }
                }
            }
        }
    }

    /** Cents at least, so that {@code 0.3} shows as {@code 0.30}; a finer price keeps its digits. */
    private static BigDecimal money(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.scale() < 2 ? plain.setScale(2) : plain;
    }
}
