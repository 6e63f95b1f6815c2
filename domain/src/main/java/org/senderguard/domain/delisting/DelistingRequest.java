package org.senderguard.domain.delisting;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.senderguard.domain.tenant.TenantId;

/**
 * An admin's request to take a value off a list: {@code list} is {@code SERVICE} for the service
 * list, which is decided at once, or the name of the list asked. {@code outcome} says what came of it.
 */
public record DelistingRequest(UUID id, TenantId tenantId, String list, String value, DelistingStatus status,
                               String reason, String requestedBy, Instant requestedAt, Instant resolvedAt,
                               String outcome) {

    public static final String SERVICE = "SERVICE";

    public DelistingRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
