package org.senderguard.application.port.in;

import java.util.Objects;
import org.senderguard.domain.apikey.Role;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.tenant.TenantName;

public record CreateApiKeyCommand(TenantName tenant, Role role, Actor actor) {

    public CreateApiKeyCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(actor, "actor");
    }
}
