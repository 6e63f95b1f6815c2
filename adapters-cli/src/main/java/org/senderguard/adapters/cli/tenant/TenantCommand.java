package org.senderguard.adapters.cli.tenant;

import org.senderguard.adapters.cli.ParentCommand;
import picocli.CommandLine.Command;

@Command(name = "tenant", mixinStandardHelpOptions = true, description = "Create, list, show and update tenants.",
        subcommands = {TenantCreateCommand.class, TenantListCommand.class, TenantShowCommand.class,
                TenantUpdateCommand.class})
public class TenantCommand extends ParentCommand {
}
