package org.senderguard.bootstrap;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.senderguard.application.port.in.LoadBlockListsUseCase;

/**
 * /health's view of the block lists: STARTING (503, see application.properties) until the server
 * has loaded them completely, since mail flow is not answered before.
 */
@Singleton
class BlockListHealthIndicator implements HealthIndicator {

    /** Not operational, like DOWN: answered 503. */
    static final HealthStatus STARTING = new HealthStatus("STARTING", "loading the block lists", false, null);

    private final LoadBlockListsUseCase lists;

    BlockListHealthIndicator(LoadBlockListsUseCase lists) {
        this.lists = lists;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("blockLists", lists.isLoaded() ? HealthStatus.UP : STARTING)
                .build());
    }
}
