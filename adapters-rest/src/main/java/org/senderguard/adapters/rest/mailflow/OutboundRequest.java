package org.senderguard.adapters.rest.mailflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.senderguard.application.port.in.Caller;
import org.senderguard.application.port.in.OutboundMessageCommand;
import org.senderguard.domain.audit.Actor;

/** One outbound message as mail flow reports it; every field is checked by the use case's command. */
@Serdeable
public record OutboundRequest(@Nullable String messageId, @Nullable String sender, @Nullable List<String> recipients,
                              @Nullable String verdict, @Nullable String clientIp, @Nullable List<String> urls) {

    /** The use case's command for this message from {@code caller}; throws when a field is not valid. */
    OutboundMessageCommand command(Caller caller) {
        return OutboundMessageCommand.of(caller.tenantId(), Actor.apiKey(caller.keyId().value()), messageId, sender,
                recipients, verdict, clientIp, urls);
    }
}
