/**
 * The rates (docs/protocol.md §5): which countries and operators can pay this safe through which gateway, at what short
 * number, prefix, price and number of messages.
 *
 * <p>Here belong the XML format of the feed and of {@code data.dir/local.xml} (the schema {@code rates.xsd} beside
 * these classes, read with JAXB), that of Fortumo's service-data XML ({@code fortumo-service-data.xsd}), the
 * immutable {@link lt.smssafe.rates.RateTable} that the rest of the application reads, with its entries per
 * {@link lt.smssafe.rates.Gateway}, the {@link lt.smssafe.rates.OperatorCode} rule on which entries and messages
 * meet, and the {@link lt.smssafe.rates.RatesRefresher} that fetches {@code rates.url} and
 * {@code fortumo.rates.url}, keeps each one's last good copy on disk and in memory, and records when and why a
 * refresh failed.
 *
 * <p>Not here: configuration parsing (the {@code config} package hands over the values), pages (the {@code web}
 * package renders {@link lt.smssafe.rates.RatesStatus} and calls {@link lt.smssafe.rates.RatesRefresher#refreshNow()}
 * for {@code /cron}) and sessions. This package imports no servlet API and no persistence API.
 *
 * <p>Every string both feeds carry (codes, names, numbers, prefixes) is read whitespace-collapsed, as
 * {@code xs:token} means it, so that a pretty-printer's line breaks never reach a match or a page; only free text
 * for people (notes, promotional text, a status message) is read {@link lt.smssafe.rates.AsWritten as written}.
 */
@XmlJavaTypeAdapter(value = CollapsedStringAdapter.class, type = String.class)
package lt.smssafe.rates;

import jakarta.xml.bind.annotation.adapters.CollapsedStringAdapter;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
