package org.senderguard.domain.blocklist;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What an in-memory index keeps of a block-list entry: enough to match a probe and to decide on
 * it. The entry's details (reason, notes, creator, source) stay in the database and are read
 * from there when asked for, so that a list of millions fits in memory. {@code expiresAt} null:
 * never expires; {@code exceptions} as in {@link BlockListEntry}.
 */
public record ListedEntry(UUID id, BlockedValue value, Instant expiresAt, boolean delistable,
        Set<String> exceptions) {

    public ListedEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(exceptions, "exceptions");
    }

    public static ListedEntry of(BlockListEntry entry) {
        return new ListedEntry(entry.id(), entry.value(), entry.expiresAt(), entry.delistable(), entry.exceptions());
    }

    public EntryType type() {
        return value.type();
    }

    /** Stops applying at {@code expiresAt} itself, as {@link BlockListEntry#isActiveAt} does. */
    public boolean isActiveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
