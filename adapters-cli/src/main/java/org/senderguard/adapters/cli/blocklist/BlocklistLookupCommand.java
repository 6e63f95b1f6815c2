package org.senderguard.adapters.cli.blocklist;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import org.senderguard.adapters.cli.OptionalTenant;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.adapters.cli.reputation.CheckResultView;
import org.senderguard.application.port.in.FindListingsUseCase;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.Listings;
import org.senderguard.domain.reputation.CheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = "Show the entries that match a value (IP address, email address, domain or URL).")
public class BlocklistLookupCommand implements Runnable {

    private final FindListingsUseCase listings;
    private final FindTenantUseCase tenants;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Mixin
    OptionalTenant tenant;
    @Parameters(paramLabel = "VALUE", description = "The value to look up.")
    String value;

    /** The JSON form: the value as normalised, whether it is listed, the matching entries, the third-party answers. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LookupView(String value, boolean listed, List<EntryView> service, List<EntryView> tenant,
                             List<CheckResultView> thirdParty) {
    }

    public BlocklistLookupCommand(FindListingsUseCase listings, FindTenantUseCase tenants, Printer printer) {
        this.listings = listings;
        this.tenants = tenants;
        this.printer = printer;
    }

    @Override
    public void run() {
        Listings found = listings.find(tenant.id(tenants), value);
        List<EntryView> all = new ArrayList<>(EntryView.from(found.service()));
        all.addAll(EntryView.from(found.tenant()));
        List<CheckResultView> thirdParty = found.thirdParty().stream().map(CheckResultView::from).toList();
        boolean listed = !all.isEmpty() || found.thirdParty().stream().anyMatch(CheckResult::listed);
        LookupView view = new LookupView(found.probe().value(), listed, EntryView.from(found.service()),
                EntryView.from(found.tenant()), thirdParty);
        printer.print(spec, output, view, EntryView.table(all), CheckResultView.table(thirdParty));
    }
}
