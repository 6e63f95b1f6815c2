package org.senderguard.adapters.cli;

import picocli.CommandLine.Option;

/** The {@code --output table|json} option shared by every command that prints a result. */
public class OutputOption {

    @Option(names = "--output", defaultValue = "table", paramLabel = "table|json",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    public OutputFormat format() {
        return format;
    }
}
