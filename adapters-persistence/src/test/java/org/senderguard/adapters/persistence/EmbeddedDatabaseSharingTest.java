package org.senderguard.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The locks themselves; processes sharing a database through them are tested on the built jar. */
class EmbeddedDatabaseSharingTest {

    @TempDir
    Path dataDir;

    @Test
    void waitsToBeAloneWhileAnotherUsesTheDatabaseAndGivesUpAfterItsPatienceSayingWhy() throws Exception {
        Path directory = DatabaseSettings.embedded(dataDir).embeddedDirectory().orElseThrow();
        assertThat(directory).isEqualTo(dataDir.toAbsolutePath());
        try (EmbeddedDatabaseSharing other = EmbeddedDatabaseSharing.of(DatabaseSettings.embedded(dataDir));
             EmbeddedDatabaseSharing impatient = new EmbeddedDatabaseSharing(directory, Duration.ofSeconds(1));
             EmbeddedDatabaseSharing closing = new EmbeddedDatabaseSharing(directory, Duration.ofSeconds(10))) {
            other.alongsideOthers();
            long started = System.nanoTime();
            assertThatThrownBy(impatient::alone).hasMessage("the embedded database in " + directory
                    + " was still in use by another senderguard process after 1 s; try again later");
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));

            CompletableFuture<Boolean> alone = CompletableFuture.supplyAsync(closing::awaitAlone);
            Thread.sleep(200);
            assertThat(alone).as("waits while the other uses it").isNotDone();
            other.release();
            assertThat(alone.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void oneWaitingToBeAloneKeepsNewcomersOutSoThatCommandsComingAndGoingCannotStarveIt() throws Exception {
        Path directory = DatabaseSettings.embedded(dataDir).embeddedDirectory().orElseThrow();
        try (EmbeddedDatabaseSharing using = new EmbeddedDatabaseSharing(directory, Duration.ofSeconds(10));
             EmbeddedDatabaseSharing closing = new EmbeddedDatabaseSharing(directory, Duration.ofSeconds(10));
             EmbeddedDatabaseSharing newcomer = new EmbeddedDatabaseSharing(directory, Duration.ofSeconds(10))) {
            using.alongsideOthers();
            CompletableFuture<Boolean> alone = CompletableFuture.supplyAsync(closing::awaitAlone);
            Thread.sleep(200);
            CompletableFuture<Void> arrived = CompletableFuture.runAsync(newcomer::alongsideOthers);
            Thread.sleep(200);
            assertThat(alone).as("waits for the one using it").isNotDone();
            assertThat(arrived).as("waits behind the one waiting to be alone").isNotDone();

            using.release();
            assertThat(alone.get(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            assertThat(arrived).as("kept out while the other is alone").isNotDone();
            closing.release();
            arrived.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void otherDatabasesAreNotShared() {
        assertThat(new DatabaseSettings("jdbc:mariadb://127.0.0.1:3306/x", "u", "p").embeddedDirectory()).isEmpty();
        assertThat(DatabaseSettings.scratch().embeddedDirectory()).isEmpty();
    }
}
