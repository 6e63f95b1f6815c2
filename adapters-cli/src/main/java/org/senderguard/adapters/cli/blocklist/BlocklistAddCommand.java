package org.senderguard.adapters.cli.blocklist;

import io.micronaut.context.annotation.Prototype;
import java.util.List;
import org.senderguard.adapters.cli.Operator;
import org.senderguard.adapters.cli.OptionalTenant;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.application.port.in.AddBlockListEntriesCommand;
import org.senderguard.application.port.in.AddBlockListEntriesUseCase;
import org.senderguard.application.port.in.AddedEntries;
import org.senderguard.application.port.in.BlockListEntryDraft;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Block values of one type. Good values are added; each bad one is reported on stderr.")
public class BlocklistAddCommand implements Runnable {

    static final String WIDE_RANGES = "Also take IP ranges wider than SENDERGUARD_BLOCKLIST_WIDEST_IPV4 (default /8) "
            + "or SENDERGUARD_BLOCKLIST_WIDEST_IPV6 (default /32), which are refused otherwise.";

    private final AddBlockListEntriesUseCase add;
    private final FindTenantUseCase tenants;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Mixin
    OptionalTenant tenant;
    @Parameters(paramLabel = "VALUE", arity = "1..*",
            description = "Email addresses, domains (*.example.com for subdomains), URLs, or IP addresses and ranges.")
    List<String> values;
    @Option(names = "--type", required = true, paramLabel = "SENDER|DOMAIN|URL|IP", description = "The values' type.")
    String type;
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why they are blocked.")
    String reason;
    @ArgGroup
    Expiry expiry = new Expiry();
    @Option(names = "--notes", paramLabel = "TEXT", description = "Notes kept with the entries.")
    String notes;
    @Option(names = "--not-delistable",
            description = "Senders cannot delist these through the portal; mail is refused with 5.7.511.")
    boolean notDelistable;
    @Option(names = "--allow-wide-ranges", description = WIDE_RANGES)
    boolean allowWideRanges;

    static class Expiry {
        @Option(names = "--expires", paramLabel = "DATE",
                description = "Expiry: a date (to the end of that UTC day) or an instant. Default: 30 days, IPs never.")
        String expires;
        @Option(names = "--never", description = "Never expire.")
        boolean never;
    }

    public BlocklistAddCommand(AddBlockListEntriesUseCase add, FindTenantUseCase tenants, Printer printer) {
        this.add = add;
        this.tenants = tenants;
        this.printer = printer;
    }

    private static final String EXPIRES_AT = "expiresAt";

    @Override
    public void run() {
        TenantId tenantId = tenant.id(tenants);
        var draft = new BlockListEntryDraft(BlockListEntryDraft.parseType("--type", type), reason,
                BlockListEntryDraft.parseExpiry("--expires", expiry.expires), expiry.never, notes,
                tenantId == null && !notDelistable);
        AddedEntries added;
        try {
            added = add.add(new AddBlockListEntriesCommand(tenantId, values, draft, EntrySource.MANUAL,
                    Operator.current(), allowWideRanges));
        } catch (InvalidValueException e) {
            // The draft names the API's field; the operator typed the option.
            if (!EXPIRES_AT.equals(e.field())) {
                throw e;
            }
            throw new InvalidValueException("--expires", e.getMessage().substring(EXPIRES_AT.length() + 2));
        }
        added.errors().forEach(error -> spec.commandLine().getErr().println("senderguard: not added: "
                + FreeText.quoted(error.value()) + ": " + error.detail()));
        spec.commandLine().getErr().flush();
        List<EntryView> created = EntryView.from(added.created());
        printer.print(spec, output, created, EntryView.table(created));
    }
}
