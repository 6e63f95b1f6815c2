package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A CLI command on a MariaDB server of the test's own that freezes (SIGSTOP) under it: the command
 * fails with one line and exit 1 once the database has not answered for ten times
 * {@code SENDERGUARD_DB_TIMEOUT}, instead of waiting for it forever.
 */
class CliDatabaseFreezeTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang fails the test rather than the build
    void aCommandFailsInOneLineWhenTheDatabaseFreezes() throws Exception {
        assumeTrue(PrivateMariaDb.unavailableReason().isEmpty(), () -> PrivateMariaDb.unavailableReason().get());
        try (PrivateMariaDb database = PrivateMariaDb.start();
             ApplicationContext cli = OwnApplication.startCli(database.settings(),
                     Map.of("senderguard.db.timeout", "300ms"));
             StandardError log = StandardError.capture()) {
            assertThat(TestApplication.cli(cli, "tenant", "create", "frozen", "--domain", "frozen.example").exitCode())
                    .isZero();
            database.freeze();
            try {
                log.mark();
                TestApplication.CliResult listed = TestApplication.cli(cli, "tenant", "list");
                assertThat(listed.exitCode()).as(listed.err()).isEqualTo(1);
                // Late on a connection it had, or no connection: the pool may find the frozen one dead first.
                assertThat(listed.err().lines()).singleElement().asString()
                        .matches("senderguard: failed: the database (did not answer in time|is unavailable): .+");
                assertThat(log.linesSinceMark()).as("the command's line is all it says").isEmpty();
            } finally {
                database.thaw();
            }
        }
    }
}
