package org.senderguard.adapters.cli.apikey;

import java.util.List;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.TenantOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.adapters.cli.Table;
import org.senderguard.application.port.in.ListApiKeysUseCase;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "list", mixinStandardHelpOptions = true, description = "List a tenant's API keys (without secrets).")
public class ApiKeyListCommand implements Runnable {

    private final ListApiKeysUseCase listApiKeys;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Mixin
    TenantOption tenant;

    public ApiKeyListCommand(ListApiKeysUseCase listApiKeys, Printer printer) {
        this.listApiKeys = listApiKeys;
        this.printer = printer;
    }

    @Override
    public void run() {
        List<ApiKeyView> keys = listApiKeys.list(tenant.name()).stream().map(ApiKeyView::from).toList();
        Table table = Table.withHeaders("ID", "ROLE", "CREATED", "REVOKED");
        keys.forEach(k -> table.row(k.id(), k.role(), k.createdAt(), k.revokedAt()));
        printer.print(spec, output, keys, table);
    }
}
