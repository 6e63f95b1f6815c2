package org.senderguard.bootstrap;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.senderguard.application.port.in.RefreshBlockListsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a running server's block-list index up to date: it loads the lists as the server starts,
 * then applies what other instances and the CLI commit, every half second. CLI commands load the
 * lists only if they look something up.
 */
@Singleton
class BlockListFollower implements ApplicationEventListener<ServerStartupEvent> {

    static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(BlockListFollower.class);

    private final RefreshBlockListsUseCase lists;
    private final TaskScheduler scheduler;

    BlockListFollower(RefreshBlockListsUseCase lists, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.lists = lists;
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        lists.refresh();
        scheduler.scheduleWithFixedDelay(INTERVAL, INTERVAL, this::refresh);
    }

    private void refresh() {
        try {
            lists.refresh();
        } catch (RuntimeException e) {
            LOG.warn("could not follow the block lists (will retry): {}", e.getMessage());
        }
    }
}
