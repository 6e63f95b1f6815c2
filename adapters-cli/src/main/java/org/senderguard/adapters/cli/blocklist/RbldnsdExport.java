package org.senderguard.adapters.cli.blocklist;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.senderguard.application.port.in.ExportBlockListUseCase;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.EntryType;

/**
 * The service list as one rbldnsd "combined" dataset served at the zone's apex: IPv4 entries as
 * an {@code ip4set}, IPv6 entries as an {@code ip6trie}, domains as a {@code dnset} (where
 * {@code *.example.com} lists the subdomains only, as here). Listed values answer 127.0.0.2, or
 * 127.0.0.3 when the portal cannot delist them. Sender addresses and URLs have no DNSBL form and
 * are left out.
 */
final class RbldnsdExport {

    static final String DELISTABLE = ":127.0.0.2:Listed by senderguard; request removal through the delist portal";
    static final String NOT_DELISTABLE = ":127.0.0.3:Listed by senderguard; contact Support for removal";

    private RbldnsdExport() {
    }

    static void write(ExportBlockListUseCase export, Writer out) throws IOException {
        List<String> ip4 = new ArrayList<>();
        List<String> ip6 = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        export.exportServiceList(entry -> {
            if (entry.type() == EntryType.IP) {
                (entry.value().value().contains(":") ? ip6 : ip4).add(line(entry));
            } else if (entry.type() == EntryType.DOMAIN) {
                domains.add(line(entry));
            }
        });
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

    /** The value alone takes the section's default answer; a not-delistable one carries its own. */
    private static String line(BlockListEntry entry) {
        return entry.delistable() ? entry.value().value() : entry.value().value() + " " + NOT_DELISTABLE;
    }
}
