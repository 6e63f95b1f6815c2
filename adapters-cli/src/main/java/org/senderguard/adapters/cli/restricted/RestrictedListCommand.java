package org.senderguard.adapters.cli.restricted;

import io.micronaut.context.annotation.Prototype;
import java.util.ArrayList;
import java.util.List;
import org.senderguard.adapters.cli.OutputOption;
import org.senderguard.adapters.cli.TenantOption;
import org.senderguard.adapters.cli.Printer;
import org.senderguard.adapters.cli.Table;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.ListRestrictedUsersUseCase;
import org.senderguard.application.port.in.Page;
import org.senderguard.application.port.in.RestrictedUser;
import org.senderguard.application.port.in.RestrictedUsersQuery;
import org.senderguard.domain.tenant.TenantId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Prototype
@Command(name = "list", mixinStandardHelpOptions = true, description = "List a tenant's restricted users.")
public class RestrictedListCommand implements Runnable {

    private final FindTenantUseCase findTenant;
    private final ListRestrictedUsersUseCase listRestrictedUsers;
    private final Printer printer;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOption output;
    @Mixin
    TenantOption tenant;
    @Option(names = "--prefix", paramLabel = "TEXT", description = "Only addresses that start with this.")
    String prefix;

    public RestrictedListCommand(FindTenantUseCase findTenant, ListRestrictedUsersUseCase listRestrictedUsers,
                                 Printer printer) {
        this.findTenant = findTenant;
        this.listRestrictedUsers = listRestrictedUsers;
        this.printer = printer;
    }

    @Override
    public void run() {
        TenantId tenantId = findTenant.byName(tenant.name()).id();
        List<RestrictedUserView> users = new ArrayList<>();
        String cursor = null;
        do {
            Page<RestrictedUser> page = listRestrictedUsers.list(
                    new RestrictedUsersQuery(new ListQuery(tenantId, cursor, ListQuery.MAX_LIMIT), prefix));
            page.items().stream().map(RestrictedUserView::from).forEach(users::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        Table table = RestrictedUserView.table();
        users.forEach(user -> user.addTo(table));
        printer.print(spec, output, users, table);
    }
}
