package org.senderguard.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The contract on the embedded H2 database, in a fresh data directory. */
class EmbeddedRepositoryTest extends RepositoryContractTest {

    @Override
    DatabaseSettings database() {
        try {
            return DatabaseSettings.embedded(Files.createTempDirectory("senderguard-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void dropDatabase() {
        // The temporary directory goes with the machine's temp files.
    }
}
