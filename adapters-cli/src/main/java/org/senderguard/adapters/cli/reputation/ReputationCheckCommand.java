package org.senderguard.adapters.cli.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.application.port.in.CheckReputationUseCase;
import org.senderguard.application.port.in.Reputation;
import org.senderguard.domain.blocklist.Probe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Ask every enabled third-party list about an IP address or a domain (of an address or URL).",
                "Each list answers LISTED (with what it means and where to delist), NOT_LISTED, REFUSED (an error "
                + "code: public resolver, over quota, wrong zone) or ERROR (timeout, SERVFAIL)."})
public class ReputationCheckCommand implements Runnable {

    private final CheckReputationUseCase reputation;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Parameters(paramLabel = "VALUE", description = "An IP address, domain, email address or URL.")
    String value;

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReputationView(String value, List<CheckResultView> results) {
    }

    public ReputationCheckCommand(CheckReputationUseCase reputation, Printer printer) {
        this.reputation = reputation;
        this.printer = printer;
    }

    @Override
    public void run() {
        Reputation checked = reputation.check(Probe.parse(value));
        List<CheckResultView> results = checked.results().stream().map(CheckResultView::from).toList();
        printer.print(spec, output, new ReputationView(checked.value(), results), CheckResultView.table(results));
    }
}
