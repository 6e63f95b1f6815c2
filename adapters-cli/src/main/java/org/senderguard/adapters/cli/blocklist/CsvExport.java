package org.senderguard.adapters.cli.blocklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.senderguard.application.port.in.ExportBlockListUseCase;

/** The service list as CSV in the import format, so that an export can be imported elsewhere. */
final class CsvExport {

    private CsvExport() {
    }

    static void write(ExportBlockListUseCase export, Writer out) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("type", "value", "reason", "expiresAt", "notes")
                .setRecordSeparator('\n').get().print(out);
        export.exportServiceList(entry -> {
            try {
                csv.printRecord(entry.type(), entry.value().value(), entry.reason(),
                        entry.expiresAt() == null ? "never" : entry.expiresAt().toString(),
                        entry.notes() == null ? "" : entry.notes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }
}
