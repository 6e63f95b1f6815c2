package org.senderguard.adapters.cli.blocklist;

import io.micronaut.context.annotation.Prototype;
import java.util.List;
import java.util.UUID;
import org.senderguard.adapters.cli.Operator;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.application.port.in.RemoveBlockListEntryUseCase;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.Ids;
import org.senderguard.domain.common.InvalidValueException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove an entry, of the service list or of any tenant's list, by its id.")
public class BlocklistRemoveCommand implements Runnable {

    private final RemoveBlockListEntryUseCase remove;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Parameters(paramLabel = "ID", description = "The entry's id.")
    String id;

    public BlocklistRemoveCommand(RemoveBlockListEntryUseCase remove, Printer printer) {
        this.remove = remove;
        this.printer = printer;
    }

    @Override
    public void run() {
        UUID entryId = Ids.parse(id).orElseThrow(() -> new InvalidValueException("ID", FreeText.quoted(id)
                + " is not an entry id"));
        List<EntryView> removed = List.of(EntryView.from(remove.remove(null, entryId, Operator.current())));
        printer.print(spec, output, removed.get(0), EntryView.table(removed));
    }
}
