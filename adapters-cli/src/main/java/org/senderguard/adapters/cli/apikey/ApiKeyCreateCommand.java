package org.senderguard.adapters.cli.apikey;

import org.senderguard.adapters.cli.Operator;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.TenantOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.adapters.cli.Table;
import org.senderguard.application.port.in.CreateApiKeyCommand;
import org.senderguard.application.port.in.CreateApiKeyUseCase;
import org.senderguard.domain.apikey.Role;
import org.senderguard.domain.tenant.TenantName;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an API key for a tenant. The key is printed once and cannot be shown again.")
public class ApiKeyCreateCommand implements Runnable {

    private final CreateApiKeyUseCase createApiKey;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Mixin
    TenantOption tenant;
    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "What the key may do: ${COMPLETION-CANDIDATES}.")
    Role role;

    public ApiKeyCreateCommand(CreateApiKeyUseCase createApiKey, Printer printer) {
        this.createApiKey = createApiKey;
        this.printer = printer;
    }

    @Override
    public void run() {
        TenantName tenantName = tenant.name();
        IssuedApiKeyView issued = IssuedApiKeyView.from(
                createApiKey.create(new CreateApiKeyCommand(tenantName, role, Operator.current())), tenantName.value());
        printer.print(spec, output, issued,
                Table.ofFields("id", issued.id(), "key", issued.key(), "tenant", issued.tenant(), "role", issued.role()));
    }
}
