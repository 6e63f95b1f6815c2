package org.senderguard.adapters.cli.portal;

import org.senderguard.adapters.cli.ParentCommand;
import picocli.CommandLine.Command;

@Command(name = "delist-requests", mixinStandardHelpOptions = true,
        description = "The delist portal's requests from external senders: pending, completed, expired.",
        subcommands = {DelistRequestsListCommand.class})
public class DelistRequestsCommand extends ParentCommand {
}
