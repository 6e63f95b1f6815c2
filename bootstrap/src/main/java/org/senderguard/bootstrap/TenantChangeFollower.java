package org.senderguard.bootstrap;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.senderguard.application.port.in.FollowTenantChangesUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a running server's cached tenants, policies and API keys in step with what other
 * instances and the CLI commit: it reads where the changes stand as the server starts, then drops
 * what changed every half second. CLI commands run too briefly to need it.
 */
@Singleton
class TenantChangeFollower implements ApplicationEventListener<ServerStartupEvent> {

    static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(TenantChangeFollower.class);

    private final FollowTenantChangesUseCase caches;
    private final TaskScheduler scheduler;

    TenantChangeFollower(FollowTenantChangesUseCase caches, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.caches = caches;
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        caches.follow();
        scheduler.scheduleWithFixedDelay(INTERVAL, INTERVAL, this::follow);
    }

    private void follow() {
        try {
            caches.follow();
        } catch (RuntimeException e) {
            LOG.warn("could not follow the tenants' changes (will retry): {}", e.getMessage());
        }
    }
}
