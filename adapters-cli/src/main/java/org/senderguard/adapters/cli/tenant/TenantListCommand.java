package org.senderguard.adapters.cli.tenant;

import java.util.List;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.adapters.cli.Table;
import org.senderguard.application.port.in.FindTenantUseCase;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "list", mixinStandardHelpOptions = true, description = "List all tenants.")
public class TenantListCommand implements Runnable {

    private final FindTenantUseCase findTenant;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;

    public TenantListCommand(FindTenantUseCase findTenant, Printer printer) {
        this.findTenant = findTenant;
        this.printer = printer;
    }

    @Override
    public void run() {
        List<TenantView> tenants = findTenant.all().stream().map(TenantView::from).toList();
        Table table = Table.withHeaders("NAME", "DOMAINS", "UNBLOCK LIMIT", "WINDOW DAYS", "CREATED");
        tenants.forEach(t -> table.row(t.name(), String.join(",", t.domains()), t.unblockLimit(),
                t.unblockWindowDays(), t.createdAt()));
        printer.print(spec, output, tenants, table);
    }
}
