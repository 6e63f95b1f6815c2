package org.senderguard.domain.blocklist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What one lookup finds: given the first entry listed under each value that may match, the entries
 * of those values that apply (active, and not excepting the probe's IP), built as
 * {@link ListedEntry} only now.
 */
final class Matches {

    private final EntriesById entries;
    private final IntFunction<ListedEntry> entryAt;
    private final Instant now;
    private final long nowMicros;
    /** The probe's canonical IP; null for other probes, which find no entries with exceptions (IP ranges). */
    private final String ip;
    private List<ListedEntry> list;

    Matches(EntriesById entries, IntFunction<ListedEntry> entryAt, Instant now, Probe.Ip ip) {
        this.entries = entries;
        this.entryAt = entryAt;
        this.now = now;
        this.nowMicros = EntriesById.micros(now);
        this.ip = ip == null ? null : ip.value();
    }

    /**
     * The entries chained from {@code head} ({@link EntriesById#NONE}: none). The walk is bounded by
     * the number of slots, so that a chain read while a writer relinks it cannot loop for ever.
     */
    void addChain(int head) {
        int steps = entries.capacity();
        for (int slot = head; slot != EntriesById.NONE && steps-- > 0; slot = entries.next(slot)) {
            if (entries.appliesAt(slot, nowMicros, now, ip)) {
                if (list == null) {
                    list = new ArrayList<>(2);
                }
                list.add(entryAt.apply(slot));
            }
        }
    }

    List<ListedEntry> list() {
        return list == null ? List.of() : list;
    }
}
