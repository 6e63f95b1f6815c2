package org.senderguard.bootstrap;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.senderguard.adapters.persistence.DatabaseAvailability;

/**
 * /health's view of the database: what the last request or background check found, so that /health
 * answers at once however the database behaves (in place of micronaut-management's JDBC indicator,
 * which waits on the database).
 */
@Singleton
class DatabaseHealthIndicator implements HealthIndicator {

    private final DatabaseAvailability availability;

    DatabaseHealthIndicator(DatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("jdbc", availability.available() ? HealthStatus.UP : HealthStatus.DOWN)
                .build());
    }
}
