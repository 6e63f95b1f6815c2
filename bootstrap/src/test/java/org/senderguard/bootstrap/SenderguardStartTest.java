package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.senderguard.adapters.persistence.DatabaseSettings;

/** How the jar's main prepares the context: CLI commands never start the HTTP server. */
class SenderguardStartTest {

    @TempDir
    Path dataDir;

    @Test
    void aCliCommandRunsOnTheEmbeddedDatabaseWithoutStartingTheServer() {
        String[] args = {"tenant", "create", "start-test", "--domain", "start-test.example"};
        try (ApplicationContext context = Senderguard.start(args, Map.of(), DatabaseSettings.embedded(dataDir))) {
            assertThat(context.getEnvironment().getActiveNames()).contains("cli").doesNotContain("server");
            assertThat(Senderguard.commandLine(context).execute(args)).isZero();
            assertThat(context.getActiveBeanRegistrations(EmbeddedServer.class)).as("no server was even created")
                    .isEmpty();
        }
        assertThat(Files.exists(dataDir.resolve("senderguard.mv.db"))).isTrue();
    }

    @Test
    void theEmbeddedDatabaseIsPrivateToItsOwner() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dataDir.resolve("private"));
        assertThat(settings.password()).hasSizeGreaterThan(40);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("private")))
                .containsExactlyInAnyOrderElementsOf(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("private/db-password")))
                .containsExactlyInAnyOrderElementsOf(PosixFilePermissions.fromString("rw-------"));
        assertThat(DatabaseSettings.embedded(dataDir.resolve("private")).password()).isEqualTo(settings.password());
    }

    @Test
    void serveTakesItsAddressFromTheCommandLine() {
        String[] args = {"serve", "--port", "18765", "--host", "127.0.0.1", "--help"};
        try (ApplicationContext context = Senderguard.start(args, Map.of(), DatabaseSettings.embedded(dataDir))) {
            assertThat(context.getEnvironment().getActiveNames()).contains("server");
            assertThat(context.getProperty("micronaut.server.port", Integer.class)).contains(18765);
            assertThat(context.getProperty("micronaut.server.host", String.class)).contains("127.0.0.1");
        }
    }
}
