package org.senderguard.adapters.rest.delisting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code list}: SERVICE (the default) for the service block list. */
@Serdeable
public record DelistingRequestBody(@Nullable String value, @Nullable String list, @Nullable String reason) {
}
