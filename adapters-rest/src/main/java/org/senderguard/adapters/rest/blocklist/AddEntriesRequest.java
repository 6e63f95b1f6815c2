package org.senderguard.adapters.rest.blocklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Values of one type for the tenant's block list; every field is checked by the use case's command. */
@Serdeable
public record AddEntriesRequest(@Nullable String type, @Nullable List<String> values, @Nullable String expiresAt,
                                @Nullable Boolean noExpiration, @Nullable String notes, @Nullable String reason) {
}
