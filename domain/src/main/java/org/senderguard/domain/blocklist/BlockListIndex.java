package org.senderguard.domain.blocklist;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * In-memory index of one block list (the service list, or one tenant's list). Thread-safe: many
 * concurrent readers while one writer applies changes.
 *
 * <p>A lookup never scans the list; its cost depends on the probe, not on the list's size. The
 * entries live in primitive arrays by slot ({@link EntriesById}); entries listed under the same value
 * are chained from that value's slot in {@link IpIndex} (IP networks, per prefix length) or
 * {@link KeyIndex} (senders, domains, URLs). A {@link ListedEntry} is built only for an entry found,
 * got or visited. Expiry is checked against the lookup's {@code now}: expired entries stop matching
 * at once. A range's exceptions are checked on the entries found.
 *
 * <p>Readers take no lock in the common case: they read optimistically and read again under a read
 * lock only if a write happened meanwhile ({@link StampedLock}). What an optimistic read saw of a
 * change half made is thrown away, be it a wrong answer or an exception.
 */
public final class BlockListIndex {

    private final StampedLock lock = new StampedLock();
    private final EntriesById entries = new EntriesById();
    private final IpIndex ips;
    private final KeyIndex keys = new KeyIndex();
    private final IntFunction<ListedEntry> entryAt = this::entryAt;
    private volatile int size;

    public BlockListIndex() {
        this(4096);
    }

    /** {@code ipv4BlocksFrom}: from how many IPv4 networks on the per-/16 masks are kept (see {@link IpIndex}). */
    BlockListIndex(int ipv4BlocksFrom) {
        this.ips = new IpIndex(ipv4BlocksFrom);
    }

    /** Adds, or replaces the entry with the same id. */
    public void put(ListedEntry entry) {
        Objects.requireNonNull(entry, "entry");
        IpNetwork network = networkOf(entry); // before locking
        long stamp = lock.writeLock();
        try {
            putLocked(entry, network);
        } finally {
            size = entries.size();
            lock.unlockWrite(stamp);
        }
    }

    /** Adds or replaces many entries under one acquisition of the lock, as when a whole list is loaded. */
    public void putAll(Collection<ListedEntry> all) {
        all.forEach(entry -> Objects.requireNonNull(entry, "entry"));
        long stamp = lock.writeLock();
        try {
            entries.reserve(all.size());
            for (ListedEntry entry : all) {
                putLocked(entry, networkOf(entry));
            }
        } finally {
            size = entries.size();
            lock.unlockWrite(stamp);
        }
    }

    /** No-op when absent. */
    public void remove(UUID id) {
        Objects.requireNonNull(id, "id");
        long stamp = lock.writeLock();
        try {
            int slot = entries.find(id);
            if (slot != EntriesById.NONE) {
                unlist(slot);
            }
        } finally {
            size = entries.size();
            lock.unlockWrite(stamp);
        }
    }

    /** The entry with this id, expired or not. */
    public Optional<ListedEntry> get(UUID id) {
        long stamp = lock.readLock();
        try {
            int slot = entries.find(id);
            return slot == EntriesById.NONE ? Optional.empty() : Optional.of(entryAt(slot));
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Every entry, expired or not, any order: what a snapshot of the index holds. */
    public void forEach(Consumer<ListedEntry> sink) {
        long stamp = lock.readLock();
        try {
            entries.forEach(slot -> sink.accept(entryAt(slot)));
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Every active entry matching, any order. */
    public List<ListedEntry> matches(Probe probe, Instant now) {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(now, "now");
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0L) {
            try {
                List<ListedEntry> found = lookup(probe, now);
                if (lock.validate(stamp)) {
                    return found;
                }
            } catch (RuntimeException writtenMeanwhile) {
                // A writer changed the tables while they were read; read again under the lock.
            }
        }
        stamp = lock.readLock();
        try {
            return lookup(probe, now);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    public int size() {
        return size;
    }

    private List<ListedEntry> lookup(Probe probe, Instant now) {
        Probe.Ip ip = BlockedValue.ipOf(probe);
        Matches matches = new Matches(entries, entryAt, now, ip);
        if (ip != null) {
            ips.lookup(ip, matches);
        }
        keys.lookup(probe, matches);
        return matches.list();
    }

    private ListedEntry entryAt(int slot) {
        EntryType type = entries.type(slot);
        int ref = entries.value(slot);
        String text = type == EntryType.IP ? ips.text(entries.ipv6(slot), entries.prefix(slot), ref) : keys.text(ref);
        return entries.entry(slot, BlockedValue.ofChecked(type, text));
    }

    // ---- changes (under the write lock) ------------------------------------------------------

    private static IpNetwork networkOf(ListedEntry entry) {
        return entry.type() == EntryType.IP ? IpNetwork.of(entry.value().value()) : null;
    }

    /** Lists the entry first under its value, replacing the entry with its id. */
    private void putLocked(ListedEntry entry, IpNetwork network) {
        int old = entries.find(entry.id());
        if (old != EntriesById.NONE) {
            unlist(old);
        }
        if (network != null) {
            int ref = ips.reference(network);
            int head = ips.head(network.ipv6(), network.prefix(), ref);
            int slot = entries.add(entry, ref, network.prefix(), network.ipv6(), head);
            ips.setHead(network.ipv6(), network.prefix(), ref, slot);
        } else {
            int ref = keys.reference(entry.type(), entry.value().value());
            int slot = entries.add(entry, ref, 0, false, keys.head(ref));
            keys.setHead(ref, slot);
        }
    }

    /** Takes the entry out of its value's chain (dropping the value when it was the last) and frees its slot. */
    private void unlist(int slot) {
        int head = head(slot);
        int next = entries.next(slot);
        if (head == slot) {
            setHead(slot, next);
        } else {
            int before = head;
            while (entries.next(before) != slot) {
                before = entries.next(before);
            }
            entries.setNext(before, next);
        }
        if (entries.type(slot) == EntryType.IP) {
            ips.release(entries.ipv6(slot), entries.value(slot));
        }
        entries.remove(slot);
    }

    private int head(int slot) {
        return entries.type(slot) == EntryType.IP
                ? ips.head(entries.ipv6(slot), entries.prefix(slot), entries.value(slot))
                : keys.head(entries.value(slot));
    }

    private void setHead(int slot, int head) {
        if (entries.type(slot) == EntryType.IP) {
            ips.setHead(entries.ipv6(slot), entries.prefix(slot), entries.value(slot), head);
        } else {
            keys.setHead(entries.value(slot), head);
        }
    }
}
