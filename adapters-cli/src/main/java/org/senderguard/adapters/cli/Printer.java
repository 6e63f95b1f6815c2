package org.senderguard.adapters.cli;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a command's result to the command's standard output in the format the operator chose. */
@Singleton
public class Printer {

    private final JsonMapper json;

    public Printer(JsonMapper json) {
        this.json = json;
    }

    /** {@code view} is the JSON form (a {@code @Serdeable} record or list of them); {@code table} the text form. */
    public void print(CommandSpec spec, OutputOption output, Object view, Table table) {
        if (output.format() == OutputFormat.json) {
            try {
                spec.commandLine().getOut().println(json.writeValueAsString(view));
                spec.commandLine().getOut().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            table.print(spec.commandLine().getOut());
        }
    }
}
