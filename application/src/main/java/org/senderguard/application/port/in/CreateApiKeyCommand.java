package org.senderguard.application.port.in;

import java.util.Objects;
import org.senderguard.domain.apikey.Role;
import org.senderguard.domain.tenant.TenantName;

public record CreateApiKeyCommand(TenantName tenant, Role role) {

    public CreateApiKeyCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(role, "role");
    }
}
