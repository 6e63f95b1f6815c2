package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.in.AddBlockListEntriesCommand;
import org.senderguard.application.port.in.AddBlockListEntriesUseCase;
import org.senderguard.application.port.in.AddedEntries;
import org.senderguard.application.port.in.BlockListEntryDraft;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.application.service.BlockLists;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.Probe;

/**
 * A block-list change this server committed, which it then cannot read back (the database gone a
 * moment after the commit), is answered as done: the change is made, a request sent again would
 * find it there, and the change feed brings it into the lists.
 */
class CommittedChangeTest {

    private static final String SETTING = "test.read-back-fails";

    @Test
    void aCommittedChangeIsAnsweredAsDoneWhenReadingItBackFails() throws Exception {
        try (ApplicationContext context = OwnApplication.start(OwnApplication.embeddedDatabase("committed"),
                Map.of(SETTING, true))) {
            context.getBean(EmbeddedServer.class).start(); // and with it the follower of changes
            BlockLists lists = context.getBean(BlockLists.class);
            lists.load();
            context.getBean(FailingReadBack.class).failNextOn.set(Thread.currentThread());

            AddedEntries added = context.getBean(AddBlockListEntriesUseCase.class).add(new AddBlockListEntriesCommand(
                    null, List.of("192.0.2.99"), new BlockListEntryDraft(EntryType.IP, "spam source", null, true,
                    null, true), EntrySource.MANUAL, Actor.operator("test"), false));

            assertThat(added.created()).hasSize(1);
            assertThat(context.getBean(FailingReadBack.class).failNextOn).as("the read back failed").hasNullValue();
            Clock clock = context.getBean(Clock.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (lists.service(Probe.ip("192.0.2.99"), clock.instant()).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(lists.service(Probe.ip("192.0.2.99"), clock.instant())).as("brought by the change feed")
                    .hasSize(1);
        }
    }

    /** Makes the store's next read of changes on a thread (not the follower's) fail as an unreachable database does. */
    @Singleton
    @Requires(property = SETTING)
    static class FailingReadBack implements BeanCreatedEventListener<BlockListStore> {

        final AtomicReference<Thread> failNextOn = new AtomicReference<>();

        @Override
        public BlockListStore onCreated(BeanCreatedEvent<BlockListStore> event) {
            BlockListStore store = event.getBean();
            return (BlockListStore) Proxy.newProxyInstance(BlockListStore.class.getClassLoader(),
                    new Class<?>[] {BlockListStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("changesSince")
                                && failNextOn.compareAndSet(Thread.currentThread(), null)) {
                            throw new DatabaseUnavailableException("the database is unavailable");
                        }
                        try {
                            return method.invoke(store, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
