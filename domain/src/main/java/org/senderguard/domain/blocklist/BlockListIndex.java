package org.senderguard.domain.blocklist;

import inet.ipaddr.IPAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;
import org.senderguard.domain.common.EmailAddress;

/**
 * In-memory index of one block list (the service list, or one tenant's list). Thread-safe: many
 * concurrent readers while one writer applies changes.
 *
 * <p>A lookup never scans the list; its cost depends on the probe, not on the list's size:
 * <ul>
 * <li>senders, domains and URLs are hash maps keyed by the canonical value. A domain probe looks up
 * itself and then {@code *.} plus each of its parent domains; a URL probe does the same for its host
 * (only for hosts that have URL entries) and, for each of them, the prefixes of its path that end at
 * a segment boundary;</li>
 * <li>IP networks are open-addressing tables keyed by primitive longs, one per prefix length, so a
 * lookup costs one probe per prefix length present in the list; in a big list, per-/16 masks
 * narrow IPv4 lookups to the lengths present near the address;</li>
 * <li>a small Bloom filter over all string keys rules out most candidates before any string is
 * built or any map probed.</li>
 * </ul>
 * Expiry is checked against the lookup's {@code now}: expired entries stop matching at once. A
 * range's exceptions are checked on the entries found, a set lookup for the few ranges that have any.
 *
 * <p>Readers take no lock in the common case: they read optimistically and read again under a read
 * lock only if a write happened meanwhile ({@link StampedLock}).
 */
public final class BlockListIndex {

    private final StampedLock lock = new StampedLock();

    /** By id, for replace and remove; only touched under the write or read lock. */
    private final EntriesById byId = new EntriesById();

    // Values: a ListedEntry, or a ListedEntry[] when several entries share one value.
    private final Map<String, Object> senders = new ConcurrentHashMap<>();
    private final Map<String, Object> domains = new ConcurrentHashMap<>();
    private final Map<String, Object> urls = new ConcurrentHashMap<>();
    /** URL hosts ({@code host} or {@code *.host}) that have URL values, with how many. */
    private final Map<String, Integer> urlHosts = new ConcurrentHashMap<>();

    private final IpTable[] ipv4 = new IpTable[33];
    private final IpTable[] ipv6 = new IpTable[129];
    /** The prefix lengths that have entries, longest first. */
    private int[] ipv4Prefixes = {};
    private int[] ipv6Prefixes = {};

    /**
     * For a big list: per /16 block of the IPv4 space, bit {@code p - 16} is set when a network of
     * prefix length p (16 to 32) may lie in that block, so that a lookup tries only those lengths
     * (and the ones below 16) rather than every length in the list. Bits are set as networks are
     * added and cleared only when the masks are rebuilt after many removals: a bit may name a length
     * with nothing left there, never miss one. Null while the list has few IPv4 networks: 256 KB is
     * not worth it for a small tenant list.
     */
    private int[] ipv4Blocks;
    private final int ipv4BlocksFrom;
    private int ipv4BlockRemovals;
    private int ipv4Networks;
    private int[] ipv4ShortPrefixes = {};

    /** Every string key above (sender, domain, URL value, URL host), to rule out most candidates cheaply. */
    private KeyFilter filter = new KeyFilter(0);

    private final Interner interner = new Interner();
    private volatile int size;

    public BlockListIndex() {
        this(4096);
    }

    /** {@code ipv4BlocksFrom}: from how many IPv4 networks on the per-block masks are kept. */
    BlockListIndex(int ipv4BlocksFrom) {
        this.ipv4BlocksFrom = ipv4BlocksFrom;
    }

    /** Adds, or replaces the entry with the same id. */
    public void put(ListedEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Network network = entry.type() == EntryType.IP ? Network.of(entry.value().value()) : null; // before locking
        long stamp = lock.writeLock();
        try {
            ListedEntry shared = share(entry);
            ListedEntry old = byId.put(shared);
            if (old != null) {
                unindex(old);
            }
            index(shared, network);
            size = byId.size();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** No-op when absent. */
    public void remove(UUID id) {
        Objects.requireNonNull(id, "id");
        long stamp = lock.writeLock();
        try {
            ListedEntry old = byId.remove(id);
            if (old != null) {
                unindex(old);
            }
            size = byId.size();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** The entry with this id, expired or not. */
    public Optional<ListedEntry> get(UUID id) {
        long stamp = lock.readLock();
        try {
            return Optional.ofNullable(byId.get(id));
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Every entry, expired or not, any order: what a snapshot of the index holds. */
    public void forEach(Consumer<ListedEntry> sink) {
        long stamp = lock.readLock();
        try {
            byId.forEach(sink);
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

    // ---- lookups -------------------------------------------------------------------------------

    private List<ListedEntry> lookup(Probe probe, Instant now) {
        Found found = new Found(now, BlockedValue.ipOf(probe));
        if (probe instanceof Probe.Ip ip) {
            lookupIp(ip, found);
        } else if (probe instanceof Probe.Address address) {
            EmailAddress email = address.address();
            String domain = email.domain().value();
            if (filter.mightContain(addressHash(email.localPart(), domain))) {
                found.add(senders.get(email.value()));
            }
            lookupHost(domain, true, null, found);
        } else if (probe instanceof Probe.Domain domain) {
            lookupHost(domain.domain().value(), true, null, found);
        } else if (probe instanceof Probe.Url url) {
            lookupHost(url.host(), url.domain() != null, url.path(), found);
            if (url.ip() != null) {
                lookupIp(url.ip(), found);
            }
        }
        return found.list();
    }

    /**
     * The keys a host can be listed under: itself and, for a domain name, {@code *} plus each parent
     * from a dot ({@code *.b.example.com}, {@code *.example.com}, {@code *.com}). Their string hashes
     * come from one pass right to left; only the candidates the filter may hold are built and looked
     * up. {@code urlPath} null: no URL entries wanted.
     */
    private void lookupHost(String host, boolean domainName, String urlPath, Found found) {
        KeyFilter keys = filter;
        if (domainName) {
            int hash = 0;
            int power = 1;
            for (int i = host.length() - 1; i > 0; i--) {
                char c = host.charAt(i);
                hash += c * power;
                power *= 31;
                if (c == '.' && keys.mightContain('*' * power + hash)) {
                    lookupKey("*" + host.substring(i), true, urlPath, found);
                }
            }
        }
        if (keys.mightContain(host.hashCode())) {
            lookupKey(host, domainName, urlPath, found);
        }
    }

    private void lookupKey(String key, boolean domainName, String urlPath, Found found) {
        if (domainName) {
            found.add(domains.get(key));
        }
        if (urlPath != null && urlHosts.containsKey(key)) {
            lookupUrlPaths(key, urlPath, found);
        }
    }

    /**
     * URL values under one host key: the host alone, then each prefix of the path that ends at a
     * segment boundary, with and without its slash. Hashes are extended left to right.
     */
    private void lookupUrlPaths(String hostKey, String path, Found found) {
        KeyFilter keys = filter;
        found.add(urls.get(hostKey));
        int hash = hostKey.hashCode();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean boundary = c == '/' && i > 0;
            // After "//" the prefix without this slash was the previous one with its slash.
            if (boundary && path.charAt(i - 1) != '/' && keys.mightContain(hash)) {
                found.add(urls.get(hostKey + path.substring(0, i)));
            }
            hash = 31 * hash + c;
            if (boundary && keys.mightContain(hash)) {
                found.add(urls.get(hostKey + path.substring(0, i + 1)));
            }
        }
        if (!path.isEmpty() && !path.endsWith("/") && keys.mightContain(hash)) {
            found.add(urls.get(hostKey + path));
        }
    }

    /** {@code (local + "@" + domain).hashCode()} without building the string. */
    private static int addressHash(String local, String domain) {
        int hash = 31 * local.hashCode() + '@';
        for (int i = 0; i < domain.length(); i++) {
            hash = 31 * hash + domain.charAt(i);
        }
        return hash;
    }

    private void lookupIp(Probe.Ip ip, Found found) {
        if (ip.isIpv6()) {
            IpTable[] tables = ipv6;
            for (int prefix : ipv6Prefixes) {
                found.add(tables[prefix].get(ipv6High(ip.high(), prefix), ipv6Low(ip.low(), prefix)));
            }
        } else {
            IpTable[] tables = ipv4;
            long address = ip.low();
            int[] blocks = ipv4Blocks;
            if (blocks == null) {
                for (int prefix : ipv4Prefixes) {
                    found.add(tables[prefix].get(0L, address & ipv4Mask(prefix)));
                }
                return;
            }
            for (int bits = blocks[(int) (address >>> 16)]; bits != 0; bits &= bits - 1) {
                int prefix = 16 + Integer.numberOfTrailingZeros(bits);
                IpTable table = tables[prefix];
                if (table != null) {
                    found.add(table.get(0L, address & ipv4Mask(prefix)));
                }
            }
            for (int prefix : ipv4ShortPrefixes) {
                found.add(tables[prefix].get(0L, address & ipv4Mask(prefix)));
            }
        }
    }

    /** Collects the active entries of the slots a lookup visits, but not the ranges that except the probe's IP. */
    private static final class Found {
        private final Instant now;
        /** The probe's canonical IP; null for other probes, which find no entries with exceptions (IP ranges). */
        private final String ip;
        private List<ListedEntry> list;

        Found(Instant now, Probe.Ip ip) {
            this.now = now;
            this.ip = ip == null ? null : ip.value();
        }

        void add(Object slot) {
            if (slot instanceof ListedEntry entry) {
                add(entry);
            } else if (slot != null) {
                for (ListedEntry entry : (ListedEntry[]) slot) {
                    add(entry);
                }
            }
        }

        private void add(ListedEntry entry) {
            if (entry.isActiveAt(now) && (entry.exceptions().isEmpty() || !entry.exceptions().contains(ip))) {
                if (list == null) {
                    list = new ArrayList<>(2);
                }
                list.add(entry);
            }
        }

        List<ListedEntry> list() {
            return list == null ? List.of() : list;
        }
    }

    // ---- changes (under the write lock) ------------------------------------------------------

    private void index(ListedEntry entry, Network network) {
        String value = entry.value().value();
        switch (entry.type()) {
            case SENDER -> addKeyed(senders, value, entry);
            case DOMAIN -> addKeyed(domains, value, entry);
            case URL -> {
                if (addKeyed(urls, value, entry)) {
                    String host = urlHost(value);
                    if (urlHosts.merge(host, 1, Integer::sum) == 1) {
                        filter.add(host.hashCode());
                    }
                }
            }
            case IP -> {
                IpTable table = table(network, true);
                Object before = table.get(network.high, network.low);
                table.set(network.high, network.low, plus(before, entry));
                if (!network.ipv6 && before == null) {
                    addedIpv4(network);
                }
            }
        }
    }

    private void unindex(ListedEntry entry) {
        String value = entry.value().value();
        UUID id = entry.id();
        switch (entry.type()) {
            case SENDER -> update(senders, value, minus(senders.get(value), id));
            case DOMAIN -> update(domains, value, minus(domains.get(value), id));
            case URL -> {
                Object after = minus(urls.get(value), id);
                update(urls, value, after);
                if (after == null) {
                    urlHosts.computeIfPresent(urlHost(value), (host, count) -> count == 1 ? null : count - 1);
                }
            }
            case IP -> {
                Network network = Network.of(value);
                IpTable table = table(network, false);
                if (table != null) {
                    Object after = minus(table.get(network.high, network.low), id);
                    table.set(network.high, network.low, after);
                    if (table.size() == 0) {
                        dropTable(network);
                    }
                    if (!network.ipv6 && after == null) {
                        removedIpv4();
                    }
                }
            }
        }
    }

    /** Adds the entry under its value; true when the value is new to the map. */
    private boolean addKeyed(Map<String, Object> map, String key, ListedEntry entry) {
        Object before = map.get(key);
        map.put(key, plus(before, entry));
        if (before != null) {
            return false;
        }
        filter.add(key.hashCode());
        if (filter.isCrowded()) {
            rebuildFilter();
        }
        return true;
    }

    /** Sized for the live keys, without those of removed values. */
    private void rebuildFilter() {
        KeyFilter rebuilt = new KeyFilter(senders.size() + domains.size() + urls.size() + urlHosts.size());
        for (Map<String, ?> map : List.of(senders, domains, urls, urlHosts)) {
            for (String key : map.keySet()) {
                rebuilt.add(key.hashCode());
            }
        }
        filter = rebuilt;
    }

    private static void update(Map<String, Object> map, String key, Object slot) {
        if (slot == null) {
            map.remove(key);
        } else {
            map.put(key, slot);
        }
    }

    private static String urlHost(String value) {
        int slash = value.indexOf('/');
        return slash < 0 ? value : value.substring(0, slash);
    }

    private void addedIpv4(Network network) {
        ipv4Networks++;
        if (ipv4Blocks == null) {
            if (ipv4Networks >= ipv4BlocksFrom) {
                buildIpv4Blocks();
            }
        } else if (network.prefix >= 16) {
            ipv4Blocks[(int) (network.low >>> 16)] |= 1 << (network.prefix - 16);
        }
    }

    private void removedIpv4() {
        ipv4Networks--;
        if (ipv4Blocks == null) {
            return;
        }
        if (ipv4Networks < ipv4BlocksFrom / 2) {
            ipv4Blocks = null;
        } else if (++ipv4BlockRemovals > 1024 + ipv4Networks / 2) {
            buildIpv4Blocks();
        }
    }

    private void buildIpv4Blocks() {
        int[] blocks = new int[1 << 16];
        for (int prefix = 16; prefix <= 32; prefix++) {
            IpTable table = ipv4[prefix];
            if (table != null) {
                int bit = 1 << (prefix - 16);
                table.forEachIpv4(network -> blocks[(int) (network >>> 16)] |= bit);
            }
        }
        ipv4Blocks = blocks;
        ipv4BlockRemovals = 0;
    }

    private IpTable table(Network network, boolean create) {
        IpTable[] tables = network.ipv6 ? ipv6 : ipv4;
        IpTable table = tables[network.prefix];
        if (table == null && create) {
            table = new IpTable(network.ipv6);
            tables[network.prefix] = table;
            setPrefixes(network.ipv6, tables);
        }
        return table;
    }

    private void dropTable(Network network) {
        IpTable[] tables = network.ipv6 ? ipv6 : ipv4;
        tables[network.prefix] = null;
        setPrefixes(network.ipv6, tables);
    }

    private void setPrefixes(boolean v6, IpTable[] tables) {
        int[] present = new int[tables.length];
        int n = 0;
        for (int prefix = tables.length - 1; prefix >= 0; prefix--) {
            if (tables[prefix] != null) {
                present[n++] = prefix;
            }
        }
        if (v6) {
            ipv6Prefixes = Arrays.copyOf(present, n);
        } else {
            ipv4Prefixes = Arrays.copyOf(present, n);
            ipv4ShortPrefixes = Arrays.stream(ipv4Prefixes).filter(prefix -> prefix < 16).toArray();
        }
    }

    /** Slots are replaced, never changed in place, so a reader never sees a half-written array. */
    private static Object plus(Object slot, ListedEntry entry) {
        if (slot == null) {
            return entry;
        }
        ListedEntry[] old = slot instanceof ListedEntry single ? new ListedEntry[] {single}
                : (ListedEntry[]) slot;
        ListedEntry[] more = Arrays.copyOf(old, old.length + 1);
        more[old.length] = entry;
        return more;
    }

    private static Object minus(Object slot, UUID id) {
        if (slot == null) {
            return null;
        }
        if (slot instanceof ListedEntry single) {
            return single.id().equals(id) ? null : single;
        }
        ListedEntry[] entries = (ListedEntry[]) slot;
        ListedEntry[] rest = Arrays.stream(entries).filter(e -> !e.id().equals(id)).toArray(ListedEntry[]::new);
        return rest.length == 0 ? null : rest.length == 1 ? rest[0] : rest.length == entries.length ? slot : rest;
    }

    /** The entry with the expiry that many entries repeat shared. */
    private ListedEntry share(ListedEntry e) {
        return new ListedEntry(e.id(), e.value(), interner.intern(e.expiresAt()), e.delistable(), e.exceptions());
    }

    private static long ipv4Mask(int prefix) {
        return prefix == 0 ? 0L : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    private static long ipv6High(long high, int prefix) {
        return prefix >= 64 ? high : prefix == 0 ? 0L : high & (-1L << (64 - prefix));
    }

    private static long ipv6Low(long low, int prefix) {
        return prefix <= 64 ? 0L : low & (-1L << (128 - prefix));
    }

    /** An IP value as table key: prefix length and network bits. */
    private record Network(boolean ipv6, int prefix, long high, long low) {

        static Network of(String canonical) {
            IPAddress address = IpAddresses.parseCanonical(canonical);
            if (address == null) {
                throw new IllegalArgumentException("not a canonical IP value: " + canonical);
            }
            Integer length = address.getNetworkPrefixLength();
            int prefix = length == null ? address.getBitCount() : length;
            if (address.isIPv6()) {
                long[] halves = address.toIPv6().longValues();
                return new Network(true, prefix, ipv6High(halves[0], prefix), ipv6Low(halves[1], prefix));
            }
            return new Network(false, prefix, 0L, address.toIPv4().longValue() & ipv4Mask(prefix));
        }
    }
}
