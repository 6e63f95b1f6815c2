package org.senderguard.application.port.in;

import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

/**
 * One page of a block list, newest first: a tenant's list ({@code page.tenantId()} set) or the
 * service list (null), optionally only one type and values starting with {@code prefix}
 * (case-insensitive; beyond ASCII folded as an address's local part is, so that {@code Straße}
 * finds the sender {@code strasse@}).
 */
public record BlockListQuery(ListQuery page, EntryType type, String prefix) {

    public BlockListQuery {
        prefix = prefix == null ? "" : EmailAddress.canonicalText(prefix.strip());
        if (prefix.length() > 190) {
            throw new InvalidValueException("prefix", "at most 190 characters");
        }
    }

    public TenantId tenant() {
        return page.tenantId();
    }
}
