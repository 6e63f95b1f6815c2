package org.senderguard.adapters.cli.reputation;

import io.micronaut.context.annotation.Prototype;
import java.util.List;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.application.port.in.ThirdPartyCatalogUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the third-party lists.")
public class ThirdPartyListCommand implements Runnable {

    private final ThirdPartyCatalogUseCase catalog;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;

    public ThirdPartyListCommand(ThirdPartyCatalogUseCase catalog, Printer printer) {
        this.catalog = catalog;
        this.printer = printer;
    }

    @Override
    public void run() {
        List<ThirdPartyListView> lists = catalog.lists().stream().map(ThirdPartyListView::from).toList();
        printer.print(spec, output, lists, ThirdPartyListView.table(lists));
    }
}
