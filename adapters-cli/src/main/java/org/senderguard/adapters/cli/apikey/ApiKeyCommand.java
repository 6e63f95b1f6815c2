package org.senderguard.adapters.cli.apikey;

import org.senderguard.adapters.cli.ParentCommand;
import picocli.CommandLine.Command;

@Command(name = "api-key", mixinStandardHelpOptions = true, description = "Create, list and revoke API keys.",
        subcommands = {ApiKeyCreateCommand.class, ApiKeyListCommand.class, ApiKeyRevokeCommand.class})
public class ApiKeyCommand extends ParentCommand {
}
