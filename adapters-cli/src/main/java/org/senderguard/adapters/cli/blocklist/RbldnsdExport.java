package org.senderguard.adapters.cli.blocklist;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.senderguard.application.port.in.ExportBlockListUseCase;
import org.senderguard.domain.blocklist.BlockListIndex;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.ListedEntry;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.delisting.DelistPlan;

/**
 * The service list as one rbldnsd "combined" dataset served at the zone's apex: IPv4 entries as
 * an {@code ip4set}, IPv6 entries as an {@code ip6trie}, domains as a {@code dnset} (where
 * {@code *.example.com} lists the subdomains only, as here). An address answers 127.0.0.2 when the
 * delist portal can lift every entry that lists it, else 127.0.0.3 (domains, not delistable
 * entries, ranges that have all the exceptions the portal gives; see
 * {@link DelistPlan#portalCanLift}), as mail flow's replies tell the sender. rbldnsd answers from
 * the most specific network that holds an address, so a network inside a wider one the portal
 * cannot lift takes the wider one's answer. A range's exceptions follow its section as exclusions
 * ({@code !198.51.100.7}); an excepted address that other entries still list is listed again, as
 * they answer, in a dataset of its own ({@code senderguard-ip4-relisted}). Sender addresses and
 * URLs have no DNSBL form and are left out.
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
        List<String> ip4Relisted = new ArrayList<>();
        List<String> ip6Relisted = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        List<ListedEntry> networks = new ArrayList<>();
        BlockListIndex ips = new BlockListIndex();
        BlockListIndex supportOnly = new BlockListIndex();
        Set<String> excepted = new LinkedHashSet<>();
        export.exportServiceList(entry -> {
            if (entry.type() == EntryType.IP) {
                ListedEntry listed = ListedEntry.of(entry);
                networks.add(listed);
                ips.put(listed);
                if (!DelistPlan.portalCanLift(listed)) {
                    // Whole: an exception at a network's first address does not make it cover less.
                    supportOnly.put(new ListedEntry(listed.id(), listed.value(), null, false, Set.of()));
                }
                excepted.addAll(entry.exceptions());
            } else if (entry.type() == EntryType.DOMAIN) {
                domains.add(entry.value().value()); // the portal lifts no domain: the dataset's answer
            }
        });
        for (ListedEntry network : networks) {
            String value = network.value().value();
            (isIpv6(value) ? ip6 : ip4).add(line(value, DelistPlan.portalCanLift(network)
                    && !coveredBy(supportOnly, network.value())));
        }
        for (String ip : excepted) {
            boolean v6 = isIpv6(ip);
            (v6 ? ip6 : ip4).add("!" + ip);
            stillListed(ip, ips).ifPresent(delistable -> (v6 ? ip6Relisted : ip4Relisted).add(line(ip, delistable)));
        }
        out.write("# senderguard service block list\n");
        section(out, "ip4set:senderguard-ip4", DELISTABLE, ip4);
        relisted(out, "ip4set:senderguard-ip4-relisted", ip4Relisted);
        section(out, "ip6trie:senderguard-ip6", DELISTABLE, ip6);
        relisted(out, "ip6trie:senderguard-ip6-relisted", ip6Relisted);
        section(out, "dnset:senderguard-domains", NOT_DELISTABLE, domains);
        out.flush();
    }

    /** @param answer what the dataset's values answer unless a line says otherwise */
    private static void section(Writer out, String dataset, String answer, List<String> lines) throws IOException {
        out.write("$DATASET " + dataset + " @\n" + answer + "\n");
        for (String line : lines) {
            out.write(line);
            out.write('\n');
        }
    }

    private static void relisted(Writer out, String dataset, List<String> lines) throws IOException {
        if (!lines.isEmpty()) {
            section(out, dataset, DELISTABLE, lines);
        }
    }

    /** The value alone takes the section's answer (the portal's); one the portal cannot lift carries its own. */
    private static String line(String value, boolean portalCanLift) {
        return portalCanLift ? value : value + " " + NOT_DELISTABLE;
    }

    /** Whether an entry of the index covers every address of the network. */
    private static boolean coveredBy(BlockListIndex index, BlockedValue network) {
        String first = network.value().replaceFirst("/.*", "");
        return index.matches(Probe.ip(first), ANY_TIME).stream()
                .anyMatch(wider -> wider.value().covers(network));
    }

    /**
     * Whether other entries still list an excepted address: empty when none does; else whether the
     * portal can lift them all. An exclusion unlists the address from every entry of its dataset,
     * and rbldnsd's ip4set answers with every range at the most specific level it stores (ranges
     * between octet boundaries are stored address by address), so the address cannot be answered
     * right in the dataset that holds the ranges: it is listed again in one of its own.
     */
    private static Optional<Boolean> stillListed(String ip, BlockListIndex ips) {
        List<ListedEntry> others = ips.matches(Probe.ip(ip), ANY_TIME);
        return others.isEmpty() ? Optional.empty()
                : Optional.of(others.stream().allMatch(DelistPlan::portalCanLift));
    }

    private static boolean isIpv6(String ip) {
        return ip.contains(":");
    }
}
