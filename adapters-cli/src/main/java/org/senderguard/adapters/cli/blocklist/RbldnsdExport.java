package org.senderguard.adapters.cli.blocklist;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.senderguard.application.port.in.ExportBlockListUseCase;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockListIndex;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.ListedEntry;
import org.senderguard.domain.blocklist.Probe;

/**
 * The service list as one rbldnsd "combined" dataset served at the zone's apex: IPv4 entries as
 * an {@code ip4set}, IPv6 entries as an {@code ip6trie}, domains as a {@code dnset} (where
 * {@code *.example.com} lists the subdomains only, as here). Listed values answer 127.0.0.2, or
 * 127.0.0.3 when the portal cannot delist them. A range's exceptions follow its section as
 * exclusions ({@code !198.51.100.7}). Sender addresses and URLs have no DNSBL form and are left out.
 */
final class RbldnsdExport {

    static final String DELISTABLE = ":127.0.0.2:Listed by senderguard; request removal through the delist portal";
    static final String NOT_DELISTABLE = ":127.0.0.3:Listed by senderguard; contact Support for removal";

    /** Every exported entry is active: which of them list an address does not depend on the time. */
    private static final Instant ANY_TIME = Instant.MIN;

    private RbldnsdExport() {
    }

    static void write(ExportBlockListUseCase export, Writer out) throws IOException {
        List<String> ip4 = new ArrayList<>();
        List<String> ip6 = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        BlockListIndex ips = new BlockListIndex();
        Set<String> excepted = new LinkedHashSet<>();
        export.exportServiceList(entry -> {
            if (entry.type() == EntryType.IP) {
                (isIpv6(entry.value().value()) ? ip6 : ip4).add(line(entry));
                ips.put(ListedEntry.of(entry));
                excepted.addAll(entry.exceptions());
            } else if (entry.type() == EntryType.DOMAIN) {
                domains.add(line(entry));
            }
        });
        for (String ip : excepted) {
            exceptionLine(ip, ips).ifPresent((isIpv6(ip) ? ip6 : ip4)::add);
        }
        out.write("# senderguard service block list\n");
        section(out, "ip4set:senderguard-ip4", ip4);
        section(out, "ip6trie:senderguard-ip6", ip6);
        section(out, "dnset:senderguard-domains", domains);
        out.flush();
    }

    private static void section(Writer out, String dataset, List<String> lines) throws IOException {
        out.write("$DATASET " + dataset + " @\n" + DELISTABLE + "\n");
        for (String line : lines) {
            out.write(line);
            out.write('\n');
        }
    }

    private static String line(BlockListEntry entry) {
        return line(entry.value().value(), entry.delistable());
    }

    /** The value alone takes the section's default answer; a not-delistable one carries its own. */
    private static String line(String value, boolean delistable) {
        return delistable ? value : value + " " + NOT_DELISTABLE;
    }

    /**
     * rbldnsd answers for an address from the most specific range containing it, and an exclusion
     * unlists the address from every range of the dataset. So an excepted address that another
     * entry still lists gets that entry's answer instead (nothing more when that entry is the
     * address itself), and only one that nothing else lists is excluded.
     */
    private static Optional<String> exceptionLine(String ip, BlockListIndex ips) {
        Optional<ListedEntry> other = ips.matches(Probe.ip(ip), ANY_TIME).stream()
                .max(Comparator.comparingInt(entry -> prefixLength(entry.value().value())));
        if (other.isEmpty()) {
            return Optional.of("!" + ip);
        }
        String value = other.get().value().value();
        return value.equals(ip) ? Optional.empty() : Optional.of(line(ip, other.get().delistable()));
    }

    /** Of a canonical IP value; a single address has none written and counts as the longest. */
    private static int prefixLength(String value) {
        int slash = value.indexOf('/');
        return slash < 0 ? Integer.MAX_VALUE : Integer.parseInt(value.substring(slash + 1));
    }

    private static boolean isIpv6(String ip) {
        return ip.contains(":");
    }
}
