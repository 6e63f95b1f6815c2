package org.senderguard.adapters.cli.reputation;

import io.micronaut.context.annotation.Prototype;
import java.util.List;
import org.senderguard.adapters.cli.Operator;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.application.port.in.ThirdPartyCatalogUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a third-party list to the catalog.")
public class ThirdPartyAddCommand implements Runnable {

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

    public ThirdPartyAddCommand(ThirdPartyCatalogUseCase catalog, Printer printer) {
        this.catalog = catalog;
        this.printer = printer;
    }

    @Override
    public void run() {
        ThirdPartyListView added = ThirdPartyListView.from(catalog.add(options.apply(name, null, true),
                Operator.current()));
        printer.print(spec, output, added, ThirdPartyListView.table(List.of(added)));
    }
}
