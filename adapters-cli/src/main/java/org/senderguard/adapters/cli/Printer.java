package org.senderguard.adapters.cli;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a command's result to the command's standard output in the format the operator chose. */
@Singleton
public class Printer {

    private final JsonMapper json;

    public Printer(JsonMapper json) {
        this.json = json;
    }

    /**
     * {@code view} is the JSON form (a {@code @Serdeable} record or list of them); {@code tables}
     * the text form, printed one after the other with a blank line between.
     */
    public void print(CommandSpec spec, OutputOption output, Object view, Table... tables) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.format() == OutputFormat.json) {
            try {
                out.println(json.writeValueAsString(view));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            for (int i = 0; i < tables.length; i++) {
                if (i > 0) {
                    out.println();
                }
                tables[i].print(out);
            }
        }
        out.flush();
    }
}
