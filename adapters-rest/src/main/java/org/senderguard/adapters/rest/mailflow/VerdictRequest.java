package org.senderguard.adapters.rest.mailflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A spam filter's verdict on a message decided before it was scanned, named by the MTA's queue id
 * or by its Message-ID, with the SASL login that sent it when there was one; every field is
 * checked by the use case's command.
 */
@Serdeable
public record VerdictRequest(@Nullable String queueId, @Nullable String messageId, @Nullable String sender,
                             @Nullable String login, @Nullable String verdict) {
}
