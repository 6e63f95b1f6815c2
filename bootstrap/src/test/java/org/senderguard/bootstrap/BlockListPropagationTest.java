package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.senderguard.adapters.persistence.RequiresMariaDb;
import org.senderguard.application.port.in.AddBlockListEntriesCommand;
import org.senderguard.application.port.in.AddBlockListEntriesUseCase;
import org.senderguard.application.port.in.BlockListEntryDraft;
import org.senderguard.application.port.in.FindListingsUseCase;
import org.senderguard.application.port.in.RemoveBlockListEntryUseCase;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.blocklist.EntryType;

/** Two server instances on one MariaDB: what one adds or removes takes effect on the other within a second. */
@RequiresMariaDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockListPropagationTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    private TwoInstances instances;
    private ApplicationContext first;
    private ApplicationContext second;

    @BeforeAll
    void startTwoServers() {
        instances = TwoInstances.start(true);
        first = instances.first;
        second = instances.second;
    }

    @AfterAll
    void stop() {
        instances.close();
    }

    @Test
    void changesReachTheOtherInstanceWithinASecond() throws InterruptedException {
        FindListingsUseCase onSecond = second.getBean(FindListingsUseCase.class);
        assertThat(onSecond.find(null, "198.51.100.7").service()).isEmpty();

        List<BlockListEntry> added = first.getBean(AddBlockListEntriesUseCase.class).add(new AddBlockListEntriesCommand(
                null, List.of("198.51.100.0/24"), new BlockListEntryDraft(EntryType.IP, "test", null, false, null, true),
                EntrySource.MANUAL, Actor.operator("test"))).created();
        assertThat(eventually(() -> !onSecond.find(null, "198.51.100.7").service().isEmpty()))
                .as("added on the first, listed on the second").isTrue();

        first.getBean(RemoveBlockListEntryUseCase.class).remove(null, added.get(0).id(), Actor.operator("test"));
        assertThat(eventually(() -> onSecond.find(null, "198.51.100.7").service().isEmpty()))
                .as("removed on the first, gone on the second").isTrue();
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
