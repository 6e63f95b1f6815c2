package org.senderguard.adapters.cli.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.senderguard.application.port.in.PortalRequestSummary;
import org.senderguard.domain.delisting.PortalRequest;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DelistRequestView(String id, String email, String ip, String clientIp, String status,
                                Instant requestedAt, Instant expiresAt, @Nullable Instant completedAt,
                                @Nullable String outcome) {

    static DelistRequestView from(PortalRequestSummary summary) {
        PortalRequest request = summary.request();
        return new DelistRequestView(request.id().toString(), request.address().value(), request.ip(),
                request.clientIp(), summary.status().name(), request.requestedAt(), request.expiresAt(),
                request.completedAt(), request.outcome());
    }
}
