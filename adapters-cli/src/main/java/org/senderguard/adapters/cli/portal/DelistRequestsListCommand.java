package org.senderguard.adapters.cli.portal;

import io.micronaut.context.annotation.Prototype;
import java.util.List;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.adapters.cli.Table;
import org.senderguard.application.port.in.ListPortalRequestsUseCase;
import org.senderguard.domain.delisting.PortalRequestStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the delist portal's requests, newest first.")
public class DelistRequestsListCommand implements Runnable {

    private final ListPortalRequestsUseCase requests;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Option(names = "--status", description = "Only these: ${COMPLETION-CANDIDATES}.")
    PortalRequestStatus status;
    @Option(names = "--limit", defaultValue = "100", description = "At most this many (1-500, default ${DEFAULT-VALUE}).")
    int limit;

    public DelistRequestsListCommand(ListPortalRequestsUseCase requests, Printer printer) {
        this.requests = requests;
        this.printer = printer;
    }

    @Override
    public void run() {
        List<DelistRequestView> views = requests.list(status, limit).stream().map(DelistRequestView::from).toList();
        Table table = Table.withHeaders("REQUESTED", "STATUS", "EMAIL", "IP", "CLIENT", "COMPLETED", "OUTCOME");
        views.forEach(view -> table.row(view.requestedAt(), view.status(), view.email(), view.ip(), view.clientIp(),
                view.completedAt(), view.outcome()));
        printer.print(spec, output, views, table);
    }
}
