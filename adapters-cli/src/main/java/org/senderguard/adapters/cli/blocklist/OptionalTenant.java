package org.senderguard.adapters.cli.blocklist;

import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.domain.tenant.TenantName;
import org.senderguard.domain.tenant.TenantId;
import picocli.CommandLine.Option;

/** {@code --tenant NAME}: work on that tenant's list instead of the service list. */
public class OptionalTenant {

    @Option(names = "--tenant", paramLabel = "NAME",
            description = "A tenant's list instead of the service list.")
    String name;

    /** The tenant's id, or null for the service list. */
    TenantId id(FindTenantUseCase tenants) {
        return name == null ? null : tenants.byName(TenantName.parse(name)).id();
    }
}
