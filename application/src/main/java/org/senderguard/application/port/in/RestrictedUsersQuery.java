package org.senderguard.application.port.in;

import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;

/** Restricted users whose address starts with {@code prefix} (case-insensitive), one page at a time. */
public record RestrictedUsersQuery(ListQuery page, String prefix) {

    public RestrictedUsersQuery {
        prefix = prefix == null ? "" : EmailAddress.canonicalText(prefix.strip());
        if (prefix.length() > 254) {
            throw new InvalidValueException("prefix", "at most 254 characters");
        }
    }
}
