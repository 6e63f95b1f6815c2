package org.senderguard.application.port.in;

import java.util.List;
import java.util.Objects;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.tenant.AcceptedDomains;
import org.senderguard.domain.tenant.TenantName;

public record CreateTenantCommand(TenantName name, AcceptedDomains domains, Actor actor) {

    public CreateTenantCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domains, "domains");
        Objects.requireNonNull(actor, "actor");
    }

    /** From raw input; the exception names the first bad value. */
    public static CreateTenantCommand of(String name, List<String> domains, Actor actor) {
        return new CreateTenantCommand(TenantName.parse(name), AcceptedDomains.parse(domains), actor);
    }
}
