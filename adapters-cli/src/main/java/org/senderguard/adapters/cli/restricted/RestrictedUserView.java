package org.senderguard.adapters.cli.restricted;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.adapters.cli.Table;
import org.senderguard.application.port.in.RestrictedUser;
import picocli.CommandLine.Model.CommandSpec;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RestrictedUserView(String address, String reason, Instant restrictedAt, @Nullable Instant restrictedUntil,
                                 String action, int unblocksUsed, int unblocksRemaining) {

    static RestrictedUserView from(RestrictedUser user) {
        return new RestrictedUserView(user.address().value(), user.restriction().reason(), user.restriction().since(),
                user.restriction().until(), user.restriction().action().name(), user.unblocks().used(),
                user.unblocks().remaining());
    }

    static Table table() {
        return Table.withHeaders("ADDRESS", "REASON", "SINCE", "UNTIL", "ACTION", "UNBLOCKS USED", "LEFT");
    }

    /** Prints this one user, as the commands that change a user answer. */
    void print(Printer printer, CommandSpec spec, OutputOption output) {
        Table table = table();
        addTo(table);
        printer.print(spec, output, this, table);
    }

    void addTo(Table table) {
        table.row(address, reason, restrictedAt, restrictedUntil, action, unblocksUsed, unblocksRemaining);
    }
}
