package org.senderguard.adapters.persistence;

/** The contract on real MariaDB, in a database of its own. */
@RequiresMariaDb
class MariaDbRepositoryTest extends RepositoryContractTest {

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
