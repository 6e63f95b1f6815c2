package org.senderguard.adapters.cli.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.senderguard.domain.apikey.ApiKey;

/** An API key as listed: never its secret. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeyView(String id, String role, Instant createdAt, @Nullable Instant revokedAt, boolean active) {

    static ApiKeyView from(ApiKey key) {
        return new ApiKeyView(key.id().value(), key.role().name(), key.createdAt(), key.revokedAt(), key.isActive());
    }
}
