package org.senderguard.adapters.cli;

import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.domain.tenant.TenantName;
import org.senderguard.domain.tenant.TenantId;
import picocli.CommandLine.Option;

/** {@code --tenant NAME}: work on that tenant's list or records instead of the service's own. */
public class OptionalTenant {

    @Option(names = "--tenant", paramLabel = "NAME",
            description = "That tenant's instead of the service's own.")
    String name;

    /** The tenant's id, or null for the service's own. */
    public TenantId id(FindTenantUseCase tenants) {
        return name == null ? null : tenants.byName(TenantName.parse(name)).id();
    }
}
