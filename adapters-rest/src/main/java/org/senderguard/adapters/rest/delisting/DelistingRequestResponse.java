package org.senderguard.adapters.rest.delisting;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.senderguard.domain.delisting.DelistingRequest;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DelistingRequestResponse(String id, String list, String value, String status, @Nullable String reason,
                                       String requestedBy, Instant requestedAt, @Nullable Instant resolvedAt,
                                       @Nullable String outcome) {

    static DelistingRequestResponse from(DelistingRequest request) {
        return new DelistingRequestResponse(request.id().toString(), request.list(), request.value(),
                request.status().name(), request.reason(), request.requestedBy(), request.requestedAt(),
                request.resolvedAt(), request.outcome());
    }
}
