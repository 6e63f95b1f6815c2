package org.senderguard.adapters.cli.blocklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.senderguard.application.port.in.ExportBlockListUseCase;

/**
 * The service list as CSV in the import format, with every column, so that an export imported
 * elsewhere lists exactly what it listed here.
 */
final class CsvExport {

    private CsvExport() {
    }

    static void write(ExportBlockListUseCase export, Writer out) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("type", "value", "reason", "expiresAt", "notes",
                "delistable", "exceptions").setRecordSeparator('\n').get().print(out);
        export.exportServiceList(entry -> {
            try {
                csv.printRecord(entry.type(), entry.value().value(), entry.reason(),
                        entry.expiresAt() == null ? "never" : entry.expiresAt().toString(),
                        entry.notes() == null ? "" : entry.notes(), entry.delistable(),
                        String.join(" ", entry.exceptions()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }
}
