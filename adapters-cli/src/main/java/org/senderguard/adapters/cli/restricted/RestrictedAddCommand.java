package org.senderguard.adapters.cli.restricted;

import io.micronaut.context.annotation.Prototype;
import org.senderguard.adapters.cli.Operator;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.TenantOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.application.port.in.RestrictUserCommand;
import org.senderguard.application.port.in.RestrictUserUseCase;
import org.senderguard.domain.common.EmailAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Restrict a user from sending until someone unblocks them.")
public class RestrictedAddCommand implements Runnable {

    private final RestrictUserUseCase restrictUser;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Mixin
    TenantOption tenant;
    @Parameters(paramLabel = "ADDRESS", description = "The user's email address.")
    String address;
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; shown in the user's NDR.")
    String reason;

    public RestrictedAddCommand(RestrictUserUseCase restrictUser, Printer printer) {
        this.restrictUser = restrictUser;
        this.printer = printer;
    }

    @Override
    public void run() {
        RestrictedUserView user = RestrictedUserView.from(restrictUser.restrict(new RestrictUserCommand(
                tenant.name(), EmailAddress.parse("address", address), reason, Operator.current())));
        user.print(printer, spec, output);
    }
}
