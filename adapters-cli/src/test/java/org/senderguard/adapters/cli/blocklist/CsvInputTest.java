package org.senderguard.adapters.cli.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.senderguard.domain.common.InvalidValueException;

class CsvInputTest {

    /** Commons CSV writes the line in the default locale's digits: 1,100 in English, 1.100 in German. */
    @Test
    void aQuotedFieldNeverClosedIsNamedByItsLineInAnyLocale() {
        String text = "type,value,reason\n" + "IP,192.0.2.1,ok\n".repeat(1098) + "DOMAIN,x.example,\"never closed\n"
                + "IP,192.0.2.2,ok\n".repeat(200);
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try {
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMANY, Locale.FRANCE, new Locale("de", "CH")}) {
                Locale.setDefault(Locale.Category.FORMAT, locale);
                assertThat(badFormat(text).getMessage()).as(locale.toString())
                        .isEqualTo("FILE: line 1100: a quoted field starts here and is never closed");
            }
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void aPipeIsRefusedBeforeAnythingIsRead(@TempDir Path dir) throws IOException, InterruptedException {
        Path fifo = dir.resolve("feed.csv");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> CsvInput.lines(fifo)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("is not a regular file (a pipe or a device)");
        assertThat(CsvInput.lines(Files.writeString(dir.resolve("file.csv"), "type,value,reason\n"))).isEqualTo(1);
    }

    private static InvalidValueException badFormat(String text) {
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            csv.forEach(record -> { });
        } catch (CSVException e) {
            return CsvInput.badFormat(e);
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof CSVException format) {
                return CsvInput.badFormat(format);
            }
            throw new AssertionError(e);
        }
        throw new AssertionError("no CSV error");
    }
}
