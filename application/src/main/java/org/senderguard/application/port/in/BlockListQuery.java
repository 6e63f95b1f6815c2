package org.senderguard.application.port.in;

import java.util.Locale;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

/**
 * One page of a block list, newest first: a tenant's list ({@code page.tenantId()} set) or the
 * service list (null), optionally only one type and values starting with {@code prefix}
 * (case-insensitive).
 */
public record BlockListQuery(ListQuery page, EntryType type, String prefix) {

    public BlockListQuery {
        prefix = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        if (prefix.length() > 190) {
            throw new InvalidValueException("prefix", "at most 190 characters");
        }
    }

    public TenantId tenant() {
        return page.tenantId();
    }
}
