package lt.smssafe.rates;

import java.nio.charset.StandardCharsets;

/** Generated rates documents, for tests that need feeds of a given size. */
final class Feeds {
    private Feeds() {
    }

    /**
     * A valid feed of {@code countries} × {@code providersPerCountry} providers, all with {@code prefix}, so that
     * a reader can tell which of two feeds it holds from any part of it.
     */
    static byte[] feed(long safe, int countries, int providersPerCountry, String prefix) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rates safe=\"").append(safe).append("\" generated=\"2026-11-22T10:00:00Z\">\n");
        for (int c = 0; c < countries; c++) {
            String code = "" + (char) ('a' + c / 26) + (char) ('a' + c % 26);
            xml.append("  <country code=\"").append(code).append("\" name=\"Country ").append(code).append("\">\n");
            for (int p = 0; p < providersPerCountry; p++) {
                xml.append("    <provider code=\"op_").append(p).append("\" name=\"Operator ").append(p)
                        .append("\">\n")
                        .append("      <shortcode>").append(1000 + p).append("</shortcode>\n")
                        .append("      <prefix>").append(prefix).append("</prefix>\n")
                        .append("      <price currency=\"EUR\" vat=\"included\">1.").append(p % 100 < 10 ? "0" : "")
                        .append(p % 100).append("</price>\n")
                        .append("      <messages>").append(1 + p % 100).append("</messages>\n")
                        .append("      <note>Generated for a test of operator ").append(p).append(".</note>\n")
                        .append("    </provider>\n");
            }
            xml.append("  </country>\n");
        }
        return xml.append("</rates>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
