package org.senderguard.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.senderguard.adapters.persistence.DatabaseSettings;

/** Remembered decisions rotating on the embedded database, in a fresh data directory. */
class EmbeddedDecisionRetentionTest extends DecisionRetentionTest {

    @Override
    DatabaseSettings database() {
        try {
            return DatabaseSettings.embedded(Files.createTempDirectory("senderguard-retention"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void dropDatabase() {
        // The temporary directory goes with the machine's temp files.
    }
}
