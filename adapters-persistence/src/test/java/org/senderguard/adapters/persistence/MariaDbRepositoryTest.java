package org.senderguard.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.senderguard.application.port.out.UnitOfWork;

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

    /**
     * Writes held for the commit go to the server as text with the statement after them (here a
     * read of the session's counter), not as executions of prepared statements of their own; the
     * transaction's start goes with its first statement, so the transaction is open there.
     */
    @Test
    void writesHeldForTheCommitGoWithTheNextStatement() {
        Sql sql = context.getBean(Sql.class);
        UnitOfWork unitOfWork = context.getBean(UnitOfWork.class);
        long[] executions = unitOfWork.inTransaction(() -> {
            assertThat(sql.one("SELECT @@in_transaction", rs -> rs.getInt(1))).contains(1);
            sql.updateAtCommit("DO ?", 0);
            long before = preparedExecutions(sql); // sent as text with the write before it, like the next
            sql.updateAtCommit("DO ?", 1);
            sql.updateAtCommit("DO ?", 2);
            return new long[] {before, preparedExecutions(sql)};
        });
        assertThat(executions[1]).isEqualTo(executions[0]);
    }

    private static long preparedExecutions(Sql sql) {
        return sql.one("SHOW SESSION STATUS LIKE 'Com_stmt_execute'", rs -> rs.getLong(2)).orElseThrow();
    }
}
