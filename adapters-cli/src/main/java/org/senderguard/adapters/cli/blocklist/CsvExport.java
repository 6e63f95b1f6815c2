package org.senderguard.adapters.cli.blocklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.senderguard.application.port.in.ExportBlockListUseCase;

/**
 * The service list as CSV in the import format, with every column, so that an export imported
 * elsewhere lists exactly what it listed here; cells a spreadsheet would run are neutralised
 * ({@link CsvCells}).
 */
final class CsvExport {

    private CsvExport() {
    }

    static void write(ExportBlockListUseCase export, Writer out) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("type", "value", "reason", "expiresAt", "notes",
                "delistable", "exceptions").setRecordSeparator('\n').get().print(out);
        export.exportServiceList(entry -> {
            try {
                csv.printRecord(Stream.of(entry.type().name(), entry.value().value(), entry.reason(),
                        entry.expiresAt() == null ? "never" : entry.expiresAt().toString(),
                        entry.notes() == null ? "" : entry.notes(), String.valueOf(entry.delistable()),
                        String.join(" ", entry.exceptions())).map(CsvCells::neutralise));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }
}
