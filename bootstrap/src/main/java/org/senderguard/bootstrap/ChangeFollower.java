package org.senderguard.bootstrap;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.senderguard.application.port.ServerPart;
import org.senderguard.application.port.in.FollowTenantChangesUseCase;
import org.senderguard.application.port.in.RefreshBlockListsUseCase;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a running server in step with what other instances and the CLI commit: its block-list
 * index (once {@link BlockListStartup} has loaded it), and its cached tenants, policies and API
 * keys. Both are brought up to date as the server starts, then every half second; a failed attempt
 * is logged (unless the database is away: the outage is logged where it is noticed, not twice a
 * second here) and the next one catches up. CLI commands run too briefly to need it (they load the
 * lists only if they look something up).
 */
@Singleton
class ChangeFollower implements ServerPart {

    static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);

    private final RefreshBlockListsUseCase lists;
    private final FollowTenantChangesUseCase tenants;
    private final TaskScheduler scheduler;
    private List<ScheduledFuture<?>> followers = List.of();

    ChangeFollower(RefreshBlockListsUseCase lists, FollowTenantChangesUseCase tenants,
                   @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.lists = lists;
        this.tenants = tenants;
        this.scheduler = scheduler;
    }

    @Override
    public String describe() {
        return "the follower of block-list and tenant changes";
    }

    @Override
    public void start() {
        lists.refresh();
        tenants.follow();
        followers = List.of(
                scheduler.scheduleWithFixedDelay(INTERVAL, INTERVAL, () -> follow("the block lists", lists::refresh)),
                scheduler.scheduleWithFixedDelay(INTERVAL, INTERVAL,
                        () -> follow("the tenants' changes", tenants::follow)));
    }

    @Override
    public void stop() {
        followers.forEach(follower -> follower.cancel(false));
    }

    private static void follow(String what, Runnable step) {
        try {
            step.run();
        } catch (DatabaseUnavailableException outageLoggedOnce) {
            // Caught up with once the database answers again.
        } catch (RuntimeException e) {
            LOG.warn("could not follow {} (will retry): {}", what, e.getMessage());
        }
    }
}
