package org.senderguard.adapters.rest.restricted;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An admin's unblock: {@code confirm} must be true. */
@Serdeable
public record UnblockRequest(@Nullable Boolean confirm, @Nullable String reason) {
}
