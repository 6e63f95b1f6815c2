package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator commands started together on the embedded database with no server running, as cron jobs
 * and a person at the console start them: they take turns instead of failing.
 */
class ConcurrentCommandsIT {

    private static final int COMMANDS = 8;

    @TempDir
    Path dataDir;

    @Test
    void commandsStartedTogetherOnAFreshDataDirectoryAllSucceed() throws Exception {
        SenderguardJar jar = new SenderguardJar(dataDir, Map.of());
        for (SenderguardJar.Run create : together(jar, i -> new String[] {"tenant", "create", "team-" + i,
                "--domain", "team-" + i + ".example", "--output", "json"})) {
            assertThat(create.exitCode()).as(create.err()).isZero();
            assertThat(create.out()).contains("\"name\":\"team-");
        }
        for (SenderguardJar.Run list : together(jar, i -> new String[] {"tenant", "list", "--output", "json"})) {
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.err()).isEmpty();
            for (int i = 0; i < COMMANDS; i++) {
                assertThat(list.out()).contains("\"name\":\"team-" + i + "\"");
            }
        }
    }

    private static List<SenderguardJar.Run> together(SenderguardJar jar, IntFunction<String[]> args) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(COMMANDS);
        try {
            List<CompletableFuture<SenderguardJar.Run>> runs = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                String[] command = args.apply(i);
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return jar.cli(command);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
            return runs.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdownNow();
        }
    }
}
