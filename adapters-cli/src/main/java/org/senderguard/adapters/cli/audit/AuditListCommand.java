package org.senderguard.adapters.cli.audit;

import io.micronaut.context.annotation.Prototype;
import java.util.List;
import org.senderguard.adapters.cli.OptionalTenant;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.PageOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.adapters.cli.Table;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.Page;
import org.senderguard.application.port.in.ReadAuditLogUseCase;
import org.senderguard.domain.audit.AuditRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List audit records, newest first, a page at a time (the next page's cursor goes to stderr).")
public class AuditListCommand implements Runnable {

    private final ReadAuditLogUseCase audit;
    private final FindTenantUseCase tenants;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Mixin
    OptionalTenant tenant;
    @Mixin
    PageOption pages;

    public AuditListCommand(ReadAuditLogUseCase audit, FindTenantUseCase tenants, Printer printer) {
        this.audit = audit;
        this.tenants = tenants;
        this.printer = printer;
    }

    @Override
    public void run() {
        Page<AuditRecord> page = audit.listAudit(pages.query(tenant.id(tenants)));
        List<AuditRecordView> records = page.items().stream().map(AuditRecordView::from).toList();
        Table table = Table.withHeaders("AT", "ACTOR", "ACTION", "TARGET", "BEFORE", "AFTER");
        records.forEach(r -> table.row(r.at(), r.actor(), r.action(), r.target(), r.before(), r.after()));
        printer.print(spec, output, records, table);
        pages.announceNext(spec, page);
    }
}
