package org.senderguard.domain.blocklist;

import inet.ipaddr.IPAddress;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Every value an entry matching a probe can have, so that a store can answer a lookup through its
 * index of values instead of holding the whole list: the keys {@link BlockListIndex} looks a probe up
 * under. An address: the sender itself and its domain's keys. A domain: itself and {@code *.} plus
 * each parent ({@code *.b.example.com}, {@code *.example.com}, {@code *.com}). A URL: its host's
 * keys as domain entries, and under each of them as URL entries the host alone and each prefix of
 * the path that ends at a segment boundary, with and without its slash; and the IP keys of an IP
 * host. An IP address: every network that contains it, the address masked to each prefix length
 * (IPv4 0-32, IPv6 0-128), in canonical form.
 */
public final class ListingKeys {

    /** A value of one type, in canonical text (not necessarily one that may be listed, such as {@code *.com}). */
    public record Key(EntryType type, String value) {

        public Key {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }
    }

    private final Set<Key> keys = new LinkedHashSet<>();
    /** The probe's canonical IP, which a range's exceptions may hold; null for other probes. */
    private final String ip;

    private ListingKeys(Probe probe) {
        Probe.Ip ipProbe = BlockedValue.ipOf(probe);
        this.ip = ipProbe == null ? null : ipProbe.value();
        if (probe instanceof Probe.Ip single) {
            addIp(single);
        } else if (probe instanceof Probe.Address address) {
            keys.add(new Key(EntryType.SENDER, address.address().value()));
            addHost(address.address().domain().value(), true, null);
        } else if (probe instanceof Probe.Domain domain) {
            addHost(domain.domain().value(), true, null);
        } else if (probe instanceof Probe.Url url) {
            addHost(url.host(), url.domain() != null, url.path());
            if (url.ip() != null) {
                addIp(url.ip());
            }
        }
    }

    public static ListingKeys of(Probe probe) {
        return new ListingKeys(Objects.requireNonNull(probe, "probe"));
    }

    /** The keys, without repeats. */
    public Set<Key> keys() {
        return keys;
    }

    /**
     * Whether an entry stored under one of the keys lists the probe at {@code now}: it has not
     * expired, and it is not a range that excepts the probe's address.
     */
    public boolean lists(BlockListEntry entry, Instant now) {
        return keys.contains(new Key(entry.type(), entry.value().value())) && entry.isActiveAt(now)
                && (entry.exceptions().isEmpty() || !entry.exceptions().contains(ip));
    }

    /** {@code urlPath} null: no URL entries wanted. */
    private void addHost(String host, boolean domainName, String urlPath) {
        if (domainName) {
            for (int i = host.length() - 1; i > 0; i--) {
                if (host.charAt(i) == '.') {
                    addHostKey("*" + host.substring(i), true, urlPath);
                }
            }
        }
        addHostKey(host, domainName, urlPath);
    }

    private void addHostKey(String hostKey, boolean domainName, String urlPath) {
        if (domainName) {
            keys.add(new Key(EntryType.DOMAIN, hostKey));
        }
        if (urlPath != null) {
            addUrlPaths(hostKey, urlPath);
        }
    }

    private void addUrlPaths(String hostKey, String path) {
        keys.add(new Key(EntryType.URL, hostKey));
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                keys.add(new Key(EntryType.URL, hostKey + path.substring(0, i)));
                keys.add(new Key(EntryType.URL, hostKey + path.substring(0, i + 1)));
            }
        }
        if (!path.isEmpty() && !path.endsWith("/")) {
            keys.add(new Key(EntryType.URL, hostKey + path));
        }
    }

    private void addIp(Probe.Ip probe) {
        IPAddress address = probe.address();
        for (int prefix = address.getBitCount(); prefix >= 0; prefix--) {
            keys.add(new Key(EntryType.IP, IpAddresses.canonical(address.toPrefixBlock(prefix))));
        }
    }
}
