package org.senderguard.bootstrap;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.senderguard.application.port.ServerPart;
import org.senderguard.application.port.in.LoadBlockListsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the block lists as the server starts, beside it (until then /health says STARTING and
 * mail flow waits or is told to try again), and keeps their snapshot: written once changes have
 * settled, at most every {@link #AT_MOST_EVERY}, and as the server stops. A load that fails (the
 * database away) is tried again until it succeeds.
 */
@Singleton
class BlockListStartup implements ServerPart {

    /** How often the lists are looked at; a version unchanged between two looks has settled. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(30);
    static final Duration AT_MOST_EVERY = Duration.ofMinutes(3);
    private static final Duration RETRY_LOAD = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(BlockListStartup.class);

    private final LoadBlockListsUseCase lists;
    private final TaskScheduler scheduler;
    private volatile boolean stopped;
    private ScheduledFuture<?> snapshots;
    private long lastLookedAt = -1;
    private long lastWritten = System.nanoTime();

    BlockListStartup(LoadBlockListsUseCase lists, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.lists = lists;
        this.scheduler = scheduler;
    }

    @Override
    public String describe() {
        return "the block-list loader";
    }

    @Override
    public synchronized void start() {
        lists.loadingAtStart();
        scheduler.schedule(Duration.ZERO, this::load);
        snapshots = scheduler.scheduleWithFixedDelay(CHECK_EVERY, CHECK_EVERY, this::snapshotIfSettled);
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        snapshots.cancel(false);
        save();
    }

    private void load() {
        try {
            lists.load();
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.warn("could not load the block lists (will retry): {}", e.getMessage());
                scheduler.schedule(RETRY_LOAD, this::load);
            }
            return;
        }
        // A start that read the whole database writes the snapshot the next start will use.
        save();
    }

    private synchronized void snapshotIfSettled() {
        long version = lists.version();
        boolean settled = version == lastLookedAt;
        lastLookedAt = version;
        if (settled && System.nanoTime() - lastWritten >= AT_MOST_EVERY.toNanos()) {
            save();
        }
    }

    private void save() {
        try {
            lists.saveSnapshot();
            lastWritten = System.nanoTime();
        } catch (RuntimeException e) {
            LOG.warn("could not write the block-list snapshot: {}", e.getMessage());
        }
    }
}
