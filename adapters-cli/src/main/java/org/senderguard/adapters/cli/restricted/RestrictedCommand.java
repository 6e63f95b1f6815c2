package org.senderguard.adapters.cli.restricted;

import org.senderguard.adapters.cli.ParentCommand;
import picocli.CommandLine.Command;

@Command(name = "restricted", mixinStandardHelpOptions = true,
        description = "List, restrict and unblock users restricted from sending.",
        subcommands = {RestrictedListCommand.class, RestrictedAddCommand.class, RestrictedUnblockCommand.class})
public class RestrictedCommand extends ParentCommand {
}
