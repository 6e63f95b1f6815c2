package org.senderguard.adapters.cli;

import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.Page;
import org.senderguard.domain.tenant.TenantId;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --limit} and {@code --cursor} for the commands that list a page at a time. */
public class PageOption {

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "Items per page, 1-500.")
    int limit;
    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Where the previous page ended.")
    String cursor;

    /** The page asked for, of the tenant's items (null: the service's own). */
    public ListQuery query(TenantId tenant) {
        return new ListQuery(tenant, cursor, limit);
    }

    /** Tells on standard error how to get the next page, when there is one. */
    public void announceNext(CommandSpec spec, Page<?> page) {
        if (page.nextCursor() != null) {
            spec.commandLine().getErr().println("more: add --cursor " + page.nextCursor());
            spec.commandLine().getErr().flush();
        }
    }
}
