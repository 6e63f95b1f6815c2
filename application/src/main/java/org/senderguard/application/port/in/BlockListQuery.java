package org.senderguard.application.port.in;

import java.util.Locale;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

/**
 * One page of a block list, newest first: a tenant's list ({@code tenant} set) or the service
 * list, optionally only one type and values starting with {@code prefix} (case-insensitive).
 */
public record BlockListQuery(TenantId tenant, EntryType type, String prefix, String cursor, int limit) {

    public BlockListQuery {
        prefix = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        if (prefix.length() > 190) {
            throw new InvalidValueException("prefix", "at most 190 characters");
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidValueException("limit", "must be between 1 and 500, was " + limit);
        }
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
    }
}
