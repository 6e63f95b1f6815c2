package org.senderguard.adapters.cli.tenant;

import java.util.List;
import org.senderguard.adapters.cli.Operator;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.application.port.in.CreateTenantCommand;
import org.senderguard.application.port.in.CreateTenantUseCase;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a tenant with its accepted domains (IDN domains are stored as punycode).")
public class TenantCreateCommand implements Runnable {

    private final CreateTenantUseCase createTenant;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Parameters(paramLabel = "NAME", description = "Tenant name: 2-63 characters of a-z, 0-9 and '-'.")
    String name;
    @Option(names = "--domain", required = true, paramLabel = "DOMAIN",
            description = "An accepted domain of the tenant; repeat for more.")
    List<String> domains;

    public TenantCreateCommand(CreateTenantUseCase createTenant, Printer printer) {
        this.createTenant = createTenant;
        this.printer = printer;
    }

    @Override
    public void run() {
        TenantView tenant = TenantView.from(createTenant.create(CreateTenantCommand.of(name, domains, Operator.current())));
        printer.print(spec, output, tenant, tenant.toFields());
    }
}
