package org.senderguard.adapters.cli.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.adapters.cli.Table;
import org.senderguard.application.port.in.CheckListHealthUseCase;
import org.senderguard.application.port.in.ListHealth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Ask every enabled DNS list for its RFC 5782 test points (127.0.0.2 or TEST listed, "
                + "127.0.0.1 or INVALID not) and say whether it is HEALTHY, NOT_ANSWERING, REFUSING, "
                + "LISTS_EVERYTHING or LISTS_NOTHING."})
public class ThirdPartyHealthCommand implements Runnable {

    private final CheckListHealthUseCase health;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HealthView(String list, String verdict, CheckResultView listedPoint, CheckResultView unlistedPoint) {
    }

    public ThirdPartyHealthCommand(CheckListHealthUseCase health, Printer printer) {
        this.health = health;
        this.printer = printer;
    }

    @Override
    public void run() {
        List<HealthView> views = health.health().stream().map(ThirdPartyHealthCommand::view).toList();
        Table table = Table.withHeaders("LIST", "HEALTH", "LISTED POINT", "UNLISTED POINT");
        views.forEach(v -> table.row(v.list(), v.verdict(), v.listedPoint().status(), v.unlistedPoint().status()));
        printer.print(spec, output, views, table);
    }

    private static HealthView view(ListHealth health) {
        return new HealthView(health.list(), health.verdict().name(), CheckResultView.from(health.listedPoint()),
                CheckResultView.from(health.unlistedPoint()));
    }
}
