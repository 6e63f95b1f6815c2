package org.senderguard.adapters.cli.restricted;

import io.micronaut.context.annotation.Prototype;
import org.senderguard.adapters.cli.Operator;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.TenantOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.UnblockCommand;
import org.senderguard.application.port.in.UnblockUserUseCase;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.outbound.UnblockAllowance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "unblock", mixinStandardHelpOptions = true,
        description = "Unblock a restricted user as Support. Past the admins' unblock limit, --override-limit is needed.")
public class RestrictedUnblockCommand implements Runnable {

    private final FindTenantUseCase findTenant;
    private final UnblockUserUseCase unblockUser;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Mixin
    TenantOption tenant;
    @Parameters(paramLabel = "ADDRESS", description = "The user's email address.")
    String address;
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the user may send again.")
    String reason;
    @Option(names = "--override-limit", description = "Unblock even though the admins' unblock limit is reached.")
    boolean overrideLimit;

    public RestrictedUnblockCommand(FindTenantUseCase findTenant, UnblockUserUseCase unblockUser, Printer printer) {
        this.findTenant = findTenant;
        this.unblockUser = unblockUser;
        this.printer = printer;
    }

    /** Support's unblock without an override counts toward the admins' limit, as an admin's would. */
    @Override
    public void run() {
        RestrictedUserView user;
        try {
            user = RestrictedUserView.from(unblockUser.unblock(new UnblockCommand(
                    findTenant.byName(tenant.name()).id(), EmailAddress.parse("address", address), reason,
                    Operator.current(), overrideLimit)));
        } catch (UnblockAllowance.LimitReached e) {
            // Its message sends an admin to Support, who is running this.
            throw new ConflictException(e.type(), e.reached() + " Add --override-limit to unblock past it.");
        }
        user.print(printer, spec, output);
    }
}
