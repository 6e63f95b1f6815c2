package org.senderguard.adapters.cli.reputation;

import org.senderguard.adapters.cli.ParentCommand;
import picocli.CommandLine.Command;

@Command(name = "reputation", mixinStandardHelpOptions = true,
        description = "Check values against the third-party DNS block lists.",
        subcommands = {ReputationCheckCommand.class})
public class ReputationCommand extends ParentCommand {
}
