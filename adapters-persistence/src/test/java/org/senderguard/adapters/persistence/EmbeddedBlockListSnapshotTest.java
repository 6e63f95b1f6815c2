package org.senderguard.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Block-list snapshots on the embedded H2 database. */
class EmbeddedBlockListSnapshotTest extends BlockListSnapshotTest {

    @Override
    DatabaseSettings newDatabase() {
        try {
            return DatabaseSettings.embedded(Files.createTempDirectory("senderguard-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
