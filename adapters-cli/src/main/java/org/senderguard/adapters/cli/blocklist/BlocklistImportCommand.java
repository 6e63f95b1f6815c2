package org.senderguard.adapters.cli.blocklist;

import io.micronaut.context.annotation.Prototype;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.senderguard.adapters.cli.Operator;
import org.senderguard.application.port.in.ImportBlockListUseCase;
import org.senderguard.application.port.in.ImportCommand;
import org.senderguard.application.port.in.ImportFailedException;
import org.senderguard.application.port.in.ImportRow;
import org.senderguard.application.port.in.ImportedEntries;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.common.InvalidValueException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import entries into the service list from a CSV file with a header line and the columns "
                + "type,value,reason and optionally expiresAt,notes,delistable,exceptions (expiresAt: a date, an "
                + "instant, 'never', or empty for the type's default; delistable: true (the default) or false; "
                + "exceptions: addresses a range no longer lists, separated by spaces).",
                "All or nothing: if any row is bad, every bad row is reported with its line number and nothing is "
                + "imported. Values already listed are skipped."})
public class BlocklistImportCommand implements Runnable {

    static final List<String> REQUIRED = List.of("type", "value", "reason");
    static final List<String> OPTIONAL = List.of("expiresAt", "notes", "delistable", "exceptions");

    private final ImportBlockListUseCase importer;

    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE.csv", description = "The CSV file.")
    Path file;
    @Option(names = "--allow-wide-ranges", description = BlocklistAddCommand.WIDE_RANGES)
    boolean allowWideRanges;

    public BlocklistImportCommand(ImportBlockListUseCase importer) {
        this.importer = importer;
    }

    @Override
    public void run() {
        long lines = CsvInput.lines(file);
        try (Reader reader = CsvInput.open(file);
             CSVParser csv = parser(reader);
             ProgressBar progress = ImportProgress.bar(Math.max(0, lines - 1))) {
            checkHeader(csv.getHeaderNames());
            ImportedEntries imported = importer.importRows(new ImportCommand(rows(csv), EntrySource.IMPORT, false,
                    Operator.current(), progress == null ? read -> { } : progress::stepTo, allowWideRanges));
            spec.commandLine().getOut().println("imported " + imported.added() + " entries; "
                    + imported.alreadyListedText());
            spec.commandLine().getOut().flush();
        } catch (ImportFailedException e) {
            e.badRows().forEach(row -> spec.commandLine().getErr().println("senderguard: " + file + ": " + row));
            throw e;
        } catch (CSVException e) {
            throw CsvInput.badFormat(e);
        } catch (UncheckedIOException e) {
            throw e.getCause() instanceof CSVException format ? CsvInput.badFormat(format) : e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the header line; a header the parser cannot take (say, a repeated column) is bad input. */
    private static CSVParser parser(Reader reader) throws IOException {
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                    .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY).get()
                    .parse(reader);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw new InvalidValueException("FILE", "line 1: " + (message.contains("duplicate name")
                    ? "the header names a column twice: " + message
                            .substring(message.indexOf('[') + 1, Math.max(message.indexOf('['), message.indexOf(']')))
                    : message));
        }
    }

    private static void checkHeader(List<String> header) {
        if (!header.containsAll(REQUIRED)) {
            throw new InvalidValueException("FILE", "line 1: the header must name the columns "
                    + String.join(",", REQUIRED) + " (optionally " + String.join(",", OPTIONAL) + "), was "
                    + String.join(",", header));
        }
        header.stream().filter(column -> !column.isBlank()) // the trailing commas of a spreadsheet
                .filter(column -> !REQUIRED.contains(column) && !OPTIONAL.contains(column)).findFirst()
                .ifPresent(column -> {
                    throw new InvalidValueException("FILE", "line 1: unknown column '" + column + "'; the columns are "
                            + String.join(",", REQUIRED) + "," + String.join(",", OPTIONAL));
                });
    }

    /** Rows as read, each with the line it starts on (the header is line 1). */
    private static Iterator<ImportRow> rows(CSVParser csv) {
        Iterator<CSVRecord> records = csv.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public ImportRow next() {
                CSVRecord record = records.next();
                refuseCellsBeyondTheHeader(csv, record);
                return new ImportRow(CsvInput.startLine(csv, record), column(record, "type"), column(record, "value"),
                        column(record, "reason"), column(record, "expiresAt"), column(record, "notes"),
                        column(record, "delistable"), column(record, "exceptions"));
            }
        };
    }

    /** Empty cells in no named column are what spreadsheets add; a value there would be lost unread. */
    private static void refuseCellsBeyondTheHeader(CSVParser csv, CSVRecord record) {
        List<String> header = csv.getHeaderNames();
        for (int i = 0; i < record.size(); i++) {
            if ((i >= header.size() || header.get(i).isBlank()) && !record.get(i).isBlank()) {
                throw new InvalidValueException("FILE", "line " + CsvInput.startLine(csv, record) + ": cell "
                        + (i + 1) + " holds a value, but the header names no column there");
            }
        }
    }

    private static String column(CSVRecord record, String name) {
        return record.isSet(name) ? CsvCells.restore(record.get(name)) : null;
    }

}
