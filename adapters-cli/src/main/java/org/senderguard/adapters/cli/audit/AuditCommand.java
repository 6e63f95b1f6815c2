package org.senderguard.adapters.cli.audit;

import org.senderguard.adapters.cli.ParentCommand;
import picocli.CommandLine.Command;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit log: the service's own changes (operators, the delist portal), or a tenant's.",
        subcommands = {AuditListCommand.class})
public class AuditCommand extends ParentCommand {
}
