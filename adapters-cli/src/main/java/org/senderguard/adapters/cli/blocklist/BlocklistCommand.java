package org.senderguard.adapters.cli.blocklist;

import org.senderguard.adapters.cli.ParentCommand;
import picocli.CommandLine.Command;

@Command(name = "blocklist", mixinStandardHelpOptions = true,
        description = "Manage the service block list (and look at tenants' lists): add, remove, list, look up, "
                + "import and export entries.",
        subcommands = {BlocklistAddCommand.class, BlocklistRemoveCommand.class, BlocklistListCommand.class,
                BlocklistLookupCommand.class, BlocklistImportCommand.class, BlocklistExportCommand.class})
public class BlocklistCommand extends ParentCommand {
}
