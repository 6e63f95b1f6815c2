package org.senderguard.adapters.cli.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void cellsASpreadsheetWouldRunGetALeadingQuote() {
        assertThat(CsvCells.neutralise("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(CsvCells.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.neutralise("+1")).isEqualTo("'+1");
        assertThat(CsvCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(CsvCells.neutralise("''=x")).as("quotes before a formula").isEqualTo("'''=x");
        assertThat(CsvCells.neutralise("it's 2+3")).isEqualTo("it's 2+3");
        assertThat(CsvCells.neutralise("'quoted'")).isEqualTo("'quoted'");
        assertThat(CsvCells.neutralise("")).isEmpty();
    }

    @Test
    void restoreIsTheExactInverse() {
        for (String value : new String[] {"=1", "-", "'", "''", "'=", "''-2", "'x", "x'", "", "a=b", "@", "\t", "'\r\n",
                "2001:db8::/32", "never"}) {
            assertThat(CsvCells.restore(CsvCells.neutralise(value))).as(value).isEqualTo(value);
        }
        assertThat(CsvCells.restore(null)).isNull();
    }
}
