package org.senderguard.application.port.in;

import java.util.Locale;
import org.senderguard.domain.common.InvalidValueException;

/** Restricted users whose address starts with {@code prefix} (case-insensitive), one page at a time. */
public record RestrictedUsersQuery(ListQuery page, String prefix) {

    public RestrictedUsersQuery {
        prefix = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        if (prefix.length() > 254) {
            throw new InvalidValueException("prefix", "at most 254 characters");
        }
    }
}
