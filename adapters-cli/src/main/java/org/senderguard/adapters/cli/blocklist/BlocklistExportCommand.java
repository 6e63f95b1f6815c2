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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the service list's active entries to standard output or a file.",
                "csv: the import format (type,value,reason,expiresAt,notes). rbldnsd: a combined dataset with "
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
                // Written beside the target and moved into place, so that a reader never sees half a list.
                Path partial = file.resolveSibling(file.getFileName() + ".partial");
                try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    write(out);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
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
