package org.senderguard.adapters.rest.restricted;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.senderguard.application.port.in.RestrictedUser;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RestrictedUserResponse(String address, String reason, Instant restrictedAt,
                                     @Nullable Instant restrictedUntil, String action, int unblocksUsed,
                                     int unblocksRemaining) {

    static RestrictedUserResponse from(RestrictedUser user) {
        return new RestrictedUserResponse(user.address().value(), user.restriction().reason(),
                user.restriction().since(), user.restriction().until(), user.restriction().action().name(),
                user.unblocks().used(), user.unblocks().remaining());
    }
}
