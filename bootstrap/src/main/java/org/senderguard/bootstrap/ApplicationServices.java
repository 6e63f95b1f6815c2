package org.senderguard.bootstrap;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.senderguard.application.port.out.ApiKeyRepository;
import org.senderguard.application.port.out.TenantRepository;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.application.service.ApiKeyService;
import org.senderguard.application.service.TenantService;

/**
 * The wiring: the framework-free application services, created with the adapters that implement
 * their out-ports. Each service is published under every in-port it implements.
 */
@Factory
class ApplicationServices {

    /** UTC, ticking in microseconds: the precision the database keeps, so stored instants read back equal. */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Singleton
    TenantService tenantService(TenantRepository tenants, UnitOfWork unitOfWork, Clock clock) {
        return new TenantService(tenants, unitOfWork, clock);
    }

    @Singleton
    ApiKeyService apiKeyService(ApiKeyRepository keys, TenantService tenants, UnitOfWork unitOfWork, Clock clock) {
        return new ApiKeyService(keys, tenants, unitOfWork, clock);
    }
}
