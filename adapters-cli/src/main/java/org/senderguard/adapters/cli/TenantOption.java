package org.senderguard.adapters.cli;

import org.senderguard.domain.tenant.TenantName;
import picocli.CommandLine.Option;

/** The {@code --tenant NAME} option of the commands that work on one tenant. */
public class TenantOption {

    @Option(names = "--tenant", required = true, paramLabel = "NAME", description = "The tenant's name.")
    String name;

    public TenantName name() {
        return TenantName.parse(name);
    }
}
