package org.senderguard.adapters.persistence;

import net.jqwik.api.Assume;

/** Block-list snapshots on real MariaDB, in a database of its own. */
@RequiresMariaDb
class MariaDbBlockListSnapshotTest extends BlockListSnapshotTest {

    @Override
    DatabaseSettings newDatabase() {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assume.that(MariaDbTestDatabase.unavailableReason().isEmpty());
        }
        MariaDbTestDatabase database = MariaDbTestDatabase.create();
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        return database.settings();
    }
}
