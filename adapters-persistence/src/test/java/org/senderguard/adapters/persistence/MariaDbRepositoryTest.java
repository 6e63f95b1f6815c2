package org.senderguard.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

    /** Text-protocol statements would leave the session's count of executed prepared statements at zero. */
    @Test
    void statementsArePreparedOnTheServer() {
        Sql sql = context.getBean(Sql.class);
        assertThat(sql.one("SHOW SESSION STATUS LIKE 'Com_stmt_execute'", rs -> rs.getLong(2)).orElseThrow())
                .isPositive();
    }
}
