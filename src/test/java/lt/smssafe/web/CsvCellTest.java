package lt.smssafe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A CSV cell a spreadsheet could read as a formula gets a leading {@code '}; every other is left as it is. */
class CsvCellTest {
    @Test
    void everyCharacterThatStartsAFormulaIsNeutralised() {
        assertThat(CsvCell.of("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CsvCell.of("+1")).isEqualTo("'+1");
        assertThat(CsvCell.of("-1")).isEqualTo("'-1");
        assertThat(CsvCell.of("@SUM(1)")).isEqualTo("'@SUM(1)");
        assertThat(CsvCell.of("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCell.of("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvCell.of(new BigDecimal("-1.45"))).as("a negative amount, were there one").isEqualTo("'-1.45");
    }

    @Test
    void ordinaryCellsAreWrittenAsTheyAre() {
        assertThat(CsvCell.of("order-42 = paid")).isEqualTo("order-42 = paid");
        assertThat(CsvCell.of("37060000000")).isEqualTo("37060000000");
        assertThat(CsvCell.of(new BigDecimal("1.45"))).isEqualTo("1.45");
        assertThat(CsvCell.of(new BigDecimal("1E+3").setScale(2))).as("never in E notation").isEqualTo("1000.00");
        assertThat(CsvCell.of(true)).isEqualTo("true");
        assertThat(CsvCell.of("")).isEmpty();
        assertThat(CsvCell.of(null)).isEmpty();
    }
}
