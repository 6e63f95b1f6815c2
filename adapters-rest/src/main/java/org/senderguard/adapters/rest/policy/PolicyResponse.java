package org.senderguard.adapters.rest.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Collection;
import java.util.List;
import org.senderguard.domain.outbound.OutboundSpamPolicy;

/** A policy with its limits as configured (0: the service default); the default policy has no priority: it applies last. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PolicyResponse(String id, String name, @Nullable Integer priority, boolean enabled,
                             @JsonProperty("default") boolean isDefault,
                             int recipientLimitExternalPerHour, int recipientLimitInternalPerHour,
                             int recipientLimitPerDay, int spamMessageLimitPerHour, String actionWhenThresholdReached,
                             List<String> notifyRecipients, List<String> senders, List<String> senderDomains,
                             List<String> excludedSenders) {

    static PolicyResponse from(OutboundSpamPolicy p) {
        return new PolicyResponse(p.id().toString(), p.name(), p.isDefault() ? null : p.priority(), p.enabled(),
                p.isDefault(), p.limits().recipientLimitExternalPerHour(), p.limits().recipientLimitInternalPerHour(),
                p.limits().recipientLimitPerDay(), p.limits().spamMessageLimitPerHour(), p.action().name(),
                strings(p.notifyRecipients()), strings(p.conditions().senders()),
                strings(p.conditions().senderDomains()), strings(p.conditions().excludedSenders()));
    }

    private static List<String> strings(Collection<?> values) {
        return values.stream().map(Object::toString).toList();
    }
}
