package org.senderguard.adapters.cli.apikey;

import io.micronaut.context.annotation.Prototype;
import java.util.Locale;
import org.senderguard.adapters.cli.Operator;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.adapters.cli.Table;
import org.senderguard.application.port.in.RevokeApiKeyUseCase;
import org.senderguard.domain.apikey.ApiKeyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke an API key; requests with it are refused from now on.")
public class ApiKeyRevokeCommand implements Runnable {

    private final RevokeApiKeyUseCase revokeApiKey;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Parameters(paramLabel = "ID", description = "The key's id, as shown by 'api-key list'.")
    String id;

    public ApiKeyRevokeCommand(RevokeApiKeyUseCase revokeApiKey, Printer printer) {
        this.revokeApiKey = revokeApiKey;
        this.printer = printer;
    }

    @Override
    public void run() {
        // Ids are printed in lower case; one copied in upper case names the same key.
        ApiKeyView key = ApiKeyView.from(revokeApiKey.revoke(new ApiKeyId(id.strip().toLowerCase(Locale.ROOT)),
                Operator.current()));
        printer.print(spec, output, key, Table.ofFields("id", key.id(), "role", key.role(), "revokedAt", key.revokedAt()));
    }
}
