package org.senderguard.adapters.cli.reputation;

import io.micronaut.context.annotation.Prototype;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.senderguard.adapters.cli.InputFiles;
import org.senderguard.adapters.cli.Operator;
import org.senderguard.adapters.cli.blocklist.ImportProgress;
import org.senderguard.application.port.in.ImportBlockListUseCase;
import org.senderguard.application.port.in.ImportCommand;
import org.senderguard.application.port.in.ImportRow;
import org.senderguard.application.port.in.ImportedEntries;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.common.InvalidValueException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "import-phishtank", mixinStandardHelpOptions = true,
        description = {"Import PhishTank's offline feed (JSON or CSV with the fields url, phish_id, verified, online) "
                + "into the service list as THIRD_PARTY URL entries, so that URL checks find them.",
                "Verified phishes that are online are imported; URLs that are not web links are skipped and counted."})
public class PhishTankImportCommand implements Runnable {

    private final ImportBlockListUseCase importer;
    private final JsonMapper json;

    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "The feed, e.g. online-valid.json or online-valid.csv.")
    Path file;

    public PhishTankImportCommand(ImportBlockListUseCase importer, JsonMapper json) {
        this.importer = importer;
        this.json = json;
    }

    @Override
    public void run() {
        String feed = read();
        List<ImportRow> rows;
        try {
            rows = feed.stripLeading().startsWith("[") ? fromJson(feed) : fromCsv(feed);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // The JSON or CSV reader's refusal: malformed text, or values of the wrong shape.
            throw notAFeed(feed.stripLeading().startsWith("[") ? "its JSON is not an array of phishes"
                    : "it is not valid CSV");
        }
        try (ProgressBar progress = ImportProgress.bar(rows.size())) {
            ImportedEntries imported = importer.importRows(new ImportCommand(rows.iterator(), EntrySource.THIRD_PARTY,
                    true, Operator.current(), progress == null ? read -> { } : progress::stepTo));
            spec.commandLine().getOut().println("imported " + imported.added() + " PhishTank URLs; "
                    + imported.alreadyListedText() + ", " + imported.badRowsSkipped() + " skipped");
            spec.commandLine().getOut().flush();
        }
    }

    /** The file's text past a byte order mark; not UTF-8, or empty, it is no feed. */
    private String read() {
        String text;
        try {
            text = Files.readString(InputFiles.readable(file), StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw notAFeed("it is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (text.isBlank()) {
            throw notAFeed("it is empty");
        }
        return text;
    }

    private InvalidValueException notAFeed(String why) {
        return new InvalidValueException("FILE", "'" + file + "' is not a PhishTank feed (a JSON array, or CSV with a "
                + "url column): " + why);
    }

    private List<ImportRow> fromJson(String feed) throws IOException {
        List<Map<String, Object>> phishes = json.readValue(feed.getBytes(StandardCharsets.UTF_8),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < phishes.size(); i++) {
            Map<String, Object> phish = phishes.get(i);
            if (phish == null) {
                throw notAFeed("phish " + (i + 1) + " of its array is null, not an object");
            }
            row(i + 1, text(phish.get("url")), text(phish.get("phish_id")), text(phish.get("verified")),
                    text(phish.get("online")), rows);
        }
        return rows;
    }

    private List<ImportRow> fromCsv(String feed) throws IOException {
        List<ImportRow> rows = new ArrayList<>();
        try (Reader reader = new StringReader(feed);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            if (!csv.getHeaderNames().contains("url")) {
                throw notAFeed("its header line has no url column");
            }
            for (CSVRecord record : csv) {
                row(record.getRecordNumber() + 1, field(record, "url"), field(record, "phish_id"),
                        field(record, "verified"), field(record, "online"), rows);
            }
        }
        return rows;
    }

    /** A verified phish that is online becomes a row; the feed marks the others "no". */
    private static void row(long line, String url, String id, String verified, String online, List<ImportRow> rows) {
        if (!"no".equalsIgnoreCase(verified) && !"no".equalsIgnoreCase(online)) {
            rows.add(new ImportRow(line, "URL", url, "PhishTank phish " + id, null, "phish_id " + id));
        }
    }

    private static String field(CSVRecord record, String name) {
        return record.isMapped(name) && record.isSet(name) ? record.get(name) : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
