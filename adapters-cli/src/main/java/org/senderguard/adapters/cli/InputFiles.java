package org.senderguard.adapters.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.senderguard.domain.common.InvalidValueException;

/** A file a command reads: one that is not there, or is a directory, is the operator's mistake. */
public final class InputFiles {

    private InputFiles() {
    }

    /** Returns the file, or throws InvalidValueException naming it (the parameter FILE). */
    public static Path readable(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidValueException("FILE", "'" + file + "' is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new InvalidValueException("FILE", "no such file: " + file);
        }
        return file;
    }
}
