package org.senderguard.domain.blocklist;

import java.util.Arrays;

/**
 * The IP networks of an index: per prefix length an {@link IpTable} from the network to the first
 * of its entries, so that a lookup costs one probe per prefix length present in the list; in a big
 * list, per-/16 masks narrow IPv4 lookups to the lengths present near the address. An entry refers
 * to its network by an int: the 32 bits of an IPv4 network, or the number of an IPv6 network in a
 * pool of long pairs. Not thread-safe for writers; readers as in {@link IpTable}.
 */
final class IpIndex {

    private static final int NO_PAIR = -1;

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
    /**
     * Over every IPv4 network and its prefix length: most addresses are listed under none of the
     * lengths they are looked up under, and the filter, small enough to stay in the CPU cache, rules
     * those out without probing tables far larger than the cache (at a million entries, a lookup
     * that found nothing took seven times as long as in a small list). Stale after removals, which
     * only costs a probe; rebuilt from the live networks when crowded.
     */
    private KeyFilter ipv4Filter = new KeyFilter(0);
    private final int ipv4BlocksFrom;
    private int ipv4BlockRemovals;
    private int ipv4Networks;
    private int[] ipv4ShortPrefixes = {};

    /** The networks of IPv6 entries, two longs each; free pairs are chained through their first long. */
    private long[] ipv6Networks = new long[16];
    private int ipv6Used;
    private int ipv6Free = NO_PAIR;

    IpIndex(int ipv4BlocksFrom) {
        this.ipv4BlocksFrom = ipv4BlocksFrom;
    }

    // ---- lookups -------------------------------------------------------------------------------

    /** Hands the first entry of every network containing the address to {@code matches}. */
    void lookup(Probe.Ip ip, Matches matches) {
        if (ip.isIpv6()) {
            IpTable[] tables = ipv6;
            for (int prefix : ipv6Prefixes) {
                matches.addChain(tables[prefix].get(IpNetwork.ipv6High(ip.high(), prefix),
                        IpNetwork.ipv6Low(ip.low(), prefix)));
            }
            return;
        }
        long address = ip.low();
        int[] blocks = ipv4Blocks;
        if (blocks == null) {
            for (int prefix : ipv4Prefixes) {
                lookupIpv4(prefix, address, matches);
            }
            return;
        }
        int bits = blocks[(int) (address >>> 16)];
        // Most networks of a big list are single addresses: their filter word is read without
        // waiting for the block's mask, which a hit would otherwise add to its chain of cache misses.
        lookupIpv4(32, address, matches);
        for (bits &= ~(1 << 16); bits != 0; bits &= bits - 1) {
            lookupIpv4(16 + Integer.numberOfTrailingZeros(bits), address, matches);
        }
        for (int prefix : ipv4ShortPrefixes) {
            lookupIpv4(prefix, address, matches);
        }
    }

    private void lookupIpv4(int prefix, long address, Matches matches) {
        long network = address & IpNetwork.ipv4Mask(prefix);
        IpTable table = ipv4[prefix];
        if (table != null && ipv4Filter.mightContain(filterHash(prefix, network))) {
            matches.addChain(table.get(0L, network));
        }
    }

    private static int filterHash(int prefix, long network) {
        return (int) network ^ prefix * 0x9E3779B9;
    }

    // ---- an entry's network ----------------------------------------------------------------------

    /** The int an entry keeps for its network; release it with {@link #release} when the entry goes. */
    int reference(IpNetwork network) {
        if (!network.ipv6()) {
            return (int) network.low();
        }
        int ref = ipv6Free;
        if (ref != NO_PAIR) {
            ipv6Free = (int) ipv6Networks[ref * 2];
        } else {
            if (ipv6Used * 2 == ipv6Networks.length) {
                ipv6Networks = Arrays.copyOf(ipv6Networks, ipv6Networks.length * 2);
            }
            ref = ipv6Used++;
        }
        ipv6Networks[ref * 2] = network.high();
        ipv6Networks[ref * 2 + 1] = network.low();
        return ref;
    }

    void release(boolean ipv6, int ref) {
        if (ipv6) {
            ipv6Networks[ref * 2] = ipv6Free;
            ipv6Free = ref;
        }
    }

    String text(boolean ipv6, int prefix, int ref) {
        return ipv6 ? IpNetwork.text(true, prefix, ipv6Networks[ref * 2], ipv6Networks[ref * 2 + 1])
                : IpNetwork.text(false, prefix, 0L, ref & 0xFFFF_FFFFL);
    }

    /** The first entry listed under the network, or {@link EntriesById#NONE}. */
    int head(boolean ipv6, int prefix, int ref) {
        IpTable table = (ipv6 ? this.ipv6 : ipv4)[prefix];
        return table == null ? EntriesById.NONE : table.get(high(ipv6, ref), low(ipv6, ref));
    }

    /** Sets the first entry listed under the network; {@link EntriesById#NONE} when none is left. */
    void setHead(boolean ipv6, int prefix, int ref, int head) {
        IpTable[] tables = ipv6 ? this.ipv6 : ipv4;
        IpTable table = tables[prefix];
        if (table == null) {
            if (head == EntriesById.NONE) {
                return;
            }
            table = new IpTable(ipv6);
            tables[prefix] = table;
            setPrefixes(ipv6, tables);
        }
        long high = high(ipv6, ref);
        long low = low(ipv6, ref);
        boolean listed = table.get(high, low) != IpTable.NONE;
        table.set(high, low, head);
        if (table.size() == 0) {
            tables[prefix] = null;
            setPrefixes(ipv6, tables);
        }
        if (!ipv6 && !listed && head != EntriesById.NONE) {
            addedIpv4(prefix, low);
        } else if (!ipv6 && listed && head == EntriesById.NONE) {
            removedIpv4();
        }
    }

    private long high(boolean ipv6, int ref) {
        return ipv6 ? ipv6Networks[ref * 2] : 0L;
    }

    private long low(boolean ipv6, int ref) {
        return ipv6 ? ipv6Networks[ref * 2 + 1] : ref & 0xFFFF_FFFFL;
    }

    private void addedIpv4(int prefix, long network) {
        ipv4Networks++;
        ipv4Filter.add(filterHash(prefix, network));
        if (ipv4Filter.isCrowded()) {
            rebuildIpv4Filter();
        }
        if (ipv4Blocks == null) {
            if (ipv4Networks >= ipv4BlocksFrom) {
                buildIpv4Blocks();
            }
        } else if (prefix >= 16) {
            ipv4Blocks[(int) (network >>> 16)] |= 1 << (prefix - 16);
        }
    }

    /** Sized for the live networks, without the bits of removed ones. */
    private void rebuildIpv4Filter() {
        KeyFilter rebuilt = new KeyFilter(ipv4Networks);
        for (int prefix = 0; prefix <= 32; prefix++) {
            IpTable table = ipv4[prefix];
            int length = prefix;
            if (table != null) {
                table.forEachIpv4(network -> rebuilt.add(filterHash(length, network)));
            }
        }
        ipv4Filter = rebuilt;
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
}
