package org.senderguard.adapters.cli.reputation;

import org.senderguard.adapters.cli.ParentCommand;
import picocli.CommandLine.Command;

@Command(name = "third-party", mixinStandardHelpOptions = true,
        description = "The catalog of third-party block lists: list, add, change, check their health, import "
                + "PhishTank's feed.",
        subcommands = {ThirdPartyListCommand.class, ThirdPartyAddCommand.class, ThirdPartyUpdateCommand.class,
                ThirdPartyHealthCommand.class, PhishTankImportCommand.class})
public class ThirdPartyCommand extends ParentCommand {
}
