package org.senderguard.application.port.in;

import java.util.List;
import java.util.Objects;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

/**
 * Add values to a block list: a tenant's ({@code tenant} set, by its admin) or the service list
 * ({@code tenant} null, by an operator or automation). Good values are stored, bad ones reported.
 * IP ranges wider than the service allows are bad values unless {@code allowWideRanges} (an
 * operator's explicit choice).
 */
public record AddBlockListEntriesCommand(TenantId tenant, List<String> values, BlockListEntryDraft draft,
                                         EntrySource source, Actor actor, boolean allowWideRanges) {

    public static final int MAX_VALUES = 1000;

    public AddBlockListEntriesCommand {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        if (values == null || values.isEmpty() || values.size() > MAX_VALUES) {
            throw new InvalidValueException("values", "1-" + MAX_VALUES + " values are required");
        }
        values = List.copyOf(values.stream().map(v -> v == null ? "" : v).toList());
        if (tenant == null ? !actor.isOperator() && source == EntrySource.MANUAL : draft.delistable()) {
            throw new IllegalArgumentException("service entries are added by operators or automation; "
                    + "tenant entries are not delistable");
        }
    }

    /** Without wide ranges. */
    public AddBlockListEntriesCommand(TenantId tenant, List<String> values, BlockListEntryDraft draft,
                                      EntrySource source, Actor actor) {
        this(tenant, values, draft, source, actor, false);
    }
}
