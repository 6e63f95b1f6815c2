package org.senderguard.adapters.cli.blocklist;

import io.micronaut.context.annotation.Prototype;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.senderguard.application.port.in.ExportBlockListUseCase;
import org.senderguard.domain.common.InvalidValueException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the service list's active entries to standard output or a file.",
                "csv: the import format (type,value,reason,expiresAt,notes,delistable,exceptions). rbldnsd: a combined dataset with "
                + "ip4set, ip6trie and dnset parts (IP and DOMAIN entries), for any DNSBL server running rbldnsd."})
public class BlocklistExportCommand implements Runnable {

    enum Format { csv, rbldnsd }

    private final ExportBlockListUseCase export;

    @Spec
    CommandSpec spec;
    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|rbldnsd",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;
    @Option(names = "--file", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path file;

    public BlocklistExportCommand(ExportBlockListUseCase export) {
        this.export = export;
    }

    @Override
    public void run() {
        try {
            if (file == null) {
                write(spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
            } else {
                writeTo(target());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file to write: a link's target, so that the link stays; refused when it cannot be one. */
    private Path target() throws IOException {
        if (Files.isDirectory(file)) {
            throw new InvalidValueException("--file", "'" + file + "' is a directory, not a file");
        }
        Path target = Files.isSymbolicLink(file) && Files.exists(file) ? file.toRealPath() : file;
        Path directory = target.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new InvalidValueException("--file", "no such directory: " + directory);
        }
        return target;
    }

    /**
     * A file is written beside the target and moved into place, so that a reader never sees half a
     * list; what is there and is no file (a pipe, a device) is written to as it is.
     */
    private void writeTo(Path target) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                write(out);
            }
            return;
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                write(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void write(Writer out) throws IOException {
        if (format == Format.csv) {
            CsvExport.write(export, out);
        } else {
            RbldnsdExport.write(export, out);
        }
    }
}
