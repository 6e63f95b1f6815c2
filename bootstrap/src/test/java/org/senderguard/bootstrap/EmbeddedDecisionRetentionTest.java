package org.senderguard.bootstrap;

import org.senderguard.adapters.persistence.DatabaseSettings;

/** Remembered decisions rotating on the embedded database, in a fresh data directory. */
class EmbeddedDecisionRetentionTest extends DecisionRetentionTest {

    @Override
    DatabaseSettings database() {
        return OwnApplication.embeddedDatabase("retention");
    }

    @Override
    void dropDatabase() {
        // The temporary directory goes with the machine's temp files.
    }
}
