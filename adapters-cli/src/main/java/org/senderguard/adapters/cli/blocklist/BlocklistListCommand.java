package org.senderguard.adapters.cli.blocklist;

import io.micronaut.context.annotation.Prototype;
import java.util.List;
import org.senderguard.adapters.cli.OptionalTenant;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.PageOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.application.port.in.BlockListEntryDraft;
import org.senderguard.application.port.in.BlockListQuery;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.ListBlockListEntriesUseCase;
import org.senderguard.application.port.in.Page;
import org.senderguard.domain.blocklist.BlockListEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List active entries, newest first, a page at a time (the next page's cursor goes to stderr).")
public class BlocklistListCommand implements Runnable {

    private final ListBlockListEntriesUseCase list;
    private final FindTenantUseCase tenants;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Mixin
    OptionalTenant tenant;
    @Option(names = "--type", paramLabel = "SENDER|DOMAIN|URL|IP", description = "Only entries of this type.")
    String type;
    @Option(names = "--prefix", paramLabel = "TEXT", description = "Only values that start with this.")
    String prefix;
    @Mixin
    PageOption pages;

    public BlocklistListCommand(ListBlockListEntriesUseCase list, FindTenantUseCase tenants, Printer printer) {
        this.list = list;
        this.tenants = tenants;
        this.printer = printer;
    }

    @Override
    public void run() {
        Page<BlockListEntry> page = list.list(new BlockListQuery(pages.query(tenant.id(tenants)),
                type == null ? null : BlockListEntryDraft.parseType("--type", type), prefix));
        List<EntryView> entries = EntryView.from(page.items());
        printer.print(spec, output, entries, EntryView.table(entries));
        pages.announceNext(spec, page);
    }
}
