package org.senderguard.adapters.cli.reputation;

import io.micronaut.context.annotation.Prototype;
import java.util.List;
import org.senderguard.adapters.cli.Operator;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.application.port.in.ThirdPartyCatalogUseCase;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.reputation.ThirdPartyList;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Change a third-party list: any of its fields, or --enable / --disable it.")
public class ThirdPartyUpdateCommand implements Runnable {

    private final ThirdPartyCatalogUseCase catalog;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Mixin
    ListOptions options;
    @Parameters(paramLabel = "NAME", description = "The list's name.")
    String name;
    @ArgGroup
    Switch enabled;

    static class Switch {
        @Option(names = "--enable", description = "Ask this list again.")
        boolean enable;
        @Option(names = "--disable", description = "Stop asking this list.")
        boolean disable;
    }

    public ThirdPartyUpdateCommand(ThirdPartyCatalogUseCase catalog, Printer printer) {
        this.catalog = catalog;
        this.printer = printer;
    }

    @Override
    public void run() {
        ThirdPartyList current = catalog.lists().stream().filter(l -> l.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("no third-party list named '" + name + "'"));
        ThirdPartyListView changed = ThirdPartyListView.from(catalog.change(options.apply(current.name(), current,
                enabled == null ? null : enabled.enable), Operator.current()));
        printer.print(spec, output, changed, ThirdPartyListView.table(List.of(changed)));
    }
}
