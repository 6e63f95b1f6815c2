package org.senderguard.adapters.cli.tenant;

import java.util.List;
import org.senderguard.adapters.cli.Operator;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.application.port.in.UpdateTenantCommand;
import org.senderguard.application.port.in.UpdateTenantUseCase;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Change a tenant's unblock limit, unblock window or accepted domains; what is not given stays.")
public class TenantUpdateCommand implements Runnable {

    private final UpdateTenantUseCase updateTenant;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Parameters(paramLabel = "NAME", description = "Tenant name.")
    String name;
    @Option(names = "--unblock-limit", paramLabel = "N",
            description = "How often an admin may unblock the same user per window (1-100).")
    Integer unblockLimit;
    @Option(names = "--unblock-window-days", paramLabel = "N", description = "The rolling unblock window (1-365 days).")
    Integer unblockWindowDays;
    @Option(names = "--block-list-limit", paramLabel = "N",
            description = "The most entries of one type on the tenant's block list (1-1000000).")
    Integer blockListLimit;
    @Option(names = "--third-party-checks", paramLabel = "true|false", arity = "1",
            description = "Whether inbound decisions consult the third-party DNS block lists.")
    Boolean checkThirdPartyLists;
    @Option(names = "--domain", paramLabel = "DOMAIN",
            description = "Replaces the accepted domains with the given ones; repeat for more.")
    List<String> domains;

    public TenantUpdateCommand(UpdateTenantUseCase updateTenant, Printer printer) {
        this.updateTenant = updateTenant;
        this.printer = printer;
    }

    @Override
    public void run() {
        TenantView tenant = TenantView.from(updateTenant.update(
                UpdateTenantCommand.of(name, unblockLimit, unblockWindowDays, blockListLimit, checkThirdPartyLists,
                        domains, Operator.current())));
        printer.print(spec, output, tenant, tenant.toFields());
    }
}
