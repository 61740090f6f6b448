package lt.smssafe.rates;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Opts a free-text field out of the package's whitespace collapsing (see {@code package-info.java}): what the feed
 * wrote for people is kept, and its readers decide how to trim it.
 */
final class AsWritten extends XmlAdapter<String, String> {
    @Override
    public String unmarshal(String text) {
        return text;
    }

    @Override
    public String marshal(String text) {
        return text;
    }
}
