package lt.smssafe.web;

import java.math.BigDecimal;

/**
 * One cell of the admin's CSV export, made safe for a spreadsheet (docs/protocol.md §6). A cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is read by Excel, LibreOffice and Google
 * Sheets as a formula, so a buyer's text {@code =HYPERLINK("http://x","y")} would become a live link (or worse) in
 * the accountant's sheet. Such a cell is written with a leading {@code '}, which every one of them shows as text and
 * does not print.
 *
 * <p>The rule applies to every cell, whoever wrote it, so that no column can be forgotten: an amount is never
 * negative (every gateway's price is unsigned, and a reversal is a column of its own), and a sender id that starts
 * with {@code +} or {@code =} gets its {@code '} like any text.
 */
final class CsvCell {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCell() {
    }

    /**
     * The value as the cell's text: nothing for null, a decimal written out plainly, a formula-like text behind a
     * {@code '}.
     */
    static String of(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
