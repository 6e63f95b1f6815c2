package org.senderguard.adapters.cli.tenant;

import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.domain.tenant.TenantName;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one tenant with its settings.")
public class TenantShowCommand implements Runnable {

    private final FindTenantUseCase findTenant;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Parameters(paramLabel = "NAME", description = "Tenant name.")
    String name;

    public TenantShowCommand(FindTenantUseCase findTenant, Printer printer) {
        this.findTenant = findTenant;
        this.printer = printer;
    }

    @Override
    public void run() {
        TenantView tenant = TenantView.from(findTenant.byName(TenantName.parse(name)));
        printer.print(spec, output, tenant, tenant.toFields());
    }
}
