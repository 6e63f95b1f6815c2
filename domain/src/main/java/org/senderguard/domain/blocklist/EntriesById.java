package org.senderguard.domain.blocklist;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * The entries of an index by id: an open-addressing table (linear probing) of the entries
 * themselves, compared by {@link ListedEntry#id()}, so that it costs a few bytes per entry
 * rather than a map node. Only the writer and locked readers use it; it is not thread-safe.
 */
final class EntriesById {

    private ListedEntry[] slots = new ListedEntry[16];
    private int size;

    int size() {
        return size;
    }

    ListedEntry get(UUID id) {
        ListedEntry[] s = slots;
        int mask = s.length - 1;
        for (int i = hash(id) & mask; s[i] != null; i = (i + 1) & mask) {
            if (s[i].id().equals(id)) {
                return s[i];
            }
        }
        return null;
    }

    /** Adds the entry, or replaces the one with its id; returns the replaced one or null. */
    ListedEntry put(ListedEntry entry) {
        if ((size + 1) * 3 > slots.length * 2) {
            grow();
        }
        int mask = slots.length - 1;
        int i = hash(entry.id()) & mask;
        while (slots[i] != null) {
            if (slots[i].id().equals(entry.id())) {
                ListedEntry old = slots[i];
                slots[i] = entry;
                return old;
            }
            i = (i + 1) & mask;
        }
        slots[i] = entry;
        size++;
        return null;
    }

    /** Removes and returns the entry with this id, or null. */
    ListedEntry remove(UUID id) {
        ListedEntry[] s = slots;
        int mask = s.length - 1;
        int i = hash(id) & mask;
        while (s[i] != null && !s[i].id().equals(id)) {
            i = (i + 1) & mask;
        }
        ListedEntry removed = s[i];
        if (removed == null) {
            return null;
        }
        size--;
        // Backward-shift deletion, as in IpTable: no tombstones.
        int gap = i;
        for (int j = (i + 1) & mask; s[j] != null; j = (j + 1) & mask) {
            int home = hash(s[j].id()) & mask;
            boolean stays = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
            if (!stays) {
                s[gap] = s[j];
                gap = j;
            }
        }
        s[gap] = null;
        return removed;
    }

    void forEach(Consumer<ListedEntry> sink) {
        for (ListedEntry entry : slots) {
            if (entry != null) {
                sink.accept(entry);
            }
        }
    }

    private void grow() {
        ListedEntry[] old = slots;
        ListedEntry[] bigger = new ListedEntry[old.length * 2];
        int mask = bigger.length - 1;
        for (ListedEntry entry : old) {
            if (entry != null) {
                int i = hash(entry.id()) & mask;
                while (bigger[i] != null) {
                    i = (i + 1) & mask;
                }
                bigger[i] = entry;
            }
        }
        slots = bigger;
    }

    private static int hash(UUID id) {
        long h = (id.getMostSignificantBits() * 0x9E3779B97F4A7C15L) ^ id.getLeastSignificantBits();
        h *= 0xff51afd7ed558ccdL;
        return (int) (h ^ (h >>> 32));
    }
}
