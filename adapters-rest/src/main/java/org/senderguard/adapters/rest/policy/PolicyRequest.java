package org.senderguard.adapters.rest.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.senderguard.application.port.in.PolicyCommand;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.tenant.TenantId;

/** A whole policy as POST and PUT take it; missing limits mean the service defaults. */
@Serdeable
public record PolicyRequest(@Nullable String name, @Nullable Integer priority, @Nullable Boolean enabled,
                            @Nullable Integer recipientLimitExternalPerHour,
                            @Nullable Integer recipientLimitInternalPerHour, @Nullable Integer recipientLimitPerDay,
                            @Nullable Integer spamMessageLimitPerHour, @Nullable String actionWhenThresholdReached,
                            @Nullable List<String> notifyRecipients, @Nullable List<String> senders,
                            @Nullable List<String> senderDomains, @Nullable List<String> excludedSenders) {

    PolicyCommand toCommand(TenantId tenantId, Actor actor) {
        return PolicyCommand.of(tenantId, actor, name, priority, enabled, recipientLimitExternalPerHour,
                recipientLimitInternalPerHour, recipientLimitPerDay, spamMessageLimitPerHour,
                actionWhenThresholdReached, notifyRecipients, senders, senderDomains, excludedSenders);
    }
}
