package org.senderguard.adapters.rest.mailflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One inbound message as mail flow reports it; every field is checked by the use case's command. */
@Serdeable
public record InboundRequest(@Nullable String messageId, @Nullable String sender, @Nullable String clientIp,
                             @Nullable List<String> recipients, @Nullable List<String> urls) {
}
