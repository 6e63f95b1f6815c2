package org.senderguard.adapters.cli;

import org.senderguard.adapters.cli.apikey.ApiKeyCommand;
import org.senderguard.adapters.cli.audit.AuditCommand;
import org.senderguard.adapters.cli.blocklist.BlocklistCommand;
import org.senderguard.adapters.cli.portal.DelistRequestsCommand;
import org.senderguard.adapters.cli.reputation.ReputationCommand;
import org.senderguard.adapters.cli.reputation.ThirdPartyCommand;
import org.senderguard.adapters.cli.restricted.RestrictedCommand;
import org.senderguard.adapters.cli.tenant.TenantCommand;
import picocli.CommandLine.Command;

@Command(name = "senderguard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Stops outbound spam and manages mail block lists. Every subcommand but 'serve' is the "
                + "operator CLI and works on the configured database directly.",
        subcommands = {TenantCommand.class, ApiKeyCommand.class, RestrictedCommand.class, BlocklistCommand.class,
                ReputationCommand.class, ThirdPartyCommand.class, DelistRequestsCommand.class, AuditCommand.class})
public class SenderguardCommand extends ParentCommand {
}
