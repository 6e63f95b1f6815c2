package org.senderguard.application.port.in;

import java.util.Objects;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.delisting.DelistingRequest;
import org.senderguard.domain.tenant.TenantId;

/** An admin asks for a value to come off a list: {@code SERVICE} (when none is named) or a third-party list's name. */
public record RequestDelistingCommand(TenantId tenantId, String list, String value, String reason, Actor actor) {

    public RequestDelistingCommand {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        list = list == null || list.isBlank() || list.strip().equalsIgnoreCase(DelistingRequest.SERVICE)
                ? DelistingRequest.SERVICE : list.strip();
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("value", "the listed value is required");
        }
        reason = FreeText.optional("reason", reason, BlockListEntryDraft.MAX_REASON);
    }
}
