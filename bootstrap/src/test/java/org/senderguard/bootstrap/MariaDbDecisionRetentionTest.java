package org.senderguard.bootstrap;

import org.senderguard.adapters.persistence.DatabaseSettings;
import org.senderguard.adapters.persistence.MariaDbTestDatabase;
import org.senderguard.adapters.persistence.RequiresMariaDb;

/** Remembered decisions rotating in time partitions on real MariaDB, in a database of its own. */
@RequiresMariaDb
class MariaDbDecisionRetentionTest extends DecisionRetentionTest {

    private MariaDbTestDatabase database;

    @Override
    DatabaseSettings database() {
        database = MariaDbTestDatabase.create();
        return database.settings();
    }

    @Override
    void dropDatabase() {
        database.close();
    }
}
