package org.senderguard.domain.blocklist;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import java.util.regex.Pattern;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;

/** A value being looked up (by mail flow, an admin, an operator). */
public sealed interface Probe permits Probe.Address, Probe.Domain, Probe.Url, Probe.Ip {

    /** The longest URL that is looked up or listed. */
    int MAX_URL_LENGTH = Urls.MAX_LENGTH;

    /**
     * Detects the kind: an IP address (v4/v6; IPv4-mapped IPv6 becomes IPv4), an email address
     * (contains '@'), a URL (has a scheme like http:// or contains '/'), otherwise a domain name.
     * Throws InvalidValueException("value", ...).
     */
    static Probe parse(String input) {
        String field = "value";
        String value = Texts.required(field, input, "a value is required", Urls.MAX_LENGTH);
        if (IpAddresses.isSingle(Texts.unbracket(value))) {
            return Ip.of(IpAddresses.single(field, value));
        }
        if (IpAddresses.isRange(value)) {
            throw new InvalidValueException(field, FreeText.quoted(value)
                    + " is a range; look up a single address");
        }
        if (Url.SCHEME.matcher(value).lookingAt()) {
            return Url.of(Urls.parse(field, value, false));
        }
        if (value.indexOf('@') >= 0) {
            return address(EmailAddress.parse(field, value));
        }
        if (value.indexOf('/') >= 0) {
            return Url.of(Urls.parse(field, value, false));
        }
        return domain(DomainName.parse(field, value));
    }

    static Probe address(EmailAddress address) {
        return new Address(address);
    }

    static Probe domain(DomainName domain) {
        return new Domain(domain);
    }

    /** A URL as found in a message; throws InvalidValueException("url", ...) when it has no valid host. */
    static Probe url(String url) {
        String field = "url";
        return Url.of(Urls.parse(field, Texts.required(field, url, "a URL is required", Urls.MAX_LENGTH), false));
    }

    /** A single IP address; throws InvalidValueException("clientIp", ...) when it is not one. */
    static Probe ip(String ip) {
        return ip("clientIp", ip);
    }

    /** A single IP address given in {@code field}; throws InvalidValueException(field, ...) when it is not one. */
    static Ip ip(String field, String ip) {
        return Ip.of(IpAddresses.single(field, Texts.required(field, ip, "an IP address is required", 64)));
    }

    /** Canonical text of what is looked up. */
    String value();

    /** An email address: SENDER entries for it, DOMAIN entries for its domain. */
    record Address(EmailAddress address) implements Probe {

        public Address {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String value() {
            return address.value();
        }
    }

    /** A domain name: DOMAIN entries for it. */
    record Domain(DomainName domain) implements Probe {

        public Domain {
            Objects.requireNonNull(domain, "domain");
        }

        @Override
        public String value() {
            return domain.value();
        }
    }

    /**
     * A URL, reduced to its host and path: URL entries for them, and DOMAIN (or IP) entries for its
     * host. Query and fragment are not part of it.
     */
    final class Url implements Probe {

        static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

        private final String host;
        private final String path;
        private final DomainName domain;
        private final Ip ip;

        private Url(String host, String path, DomainName domain, Ip ip) {
            this.host = host;
            this.path = path;
            this.domain = domain;
            this.ip = ip;
        }

        static Url of(Urls.Parts parts) {
            return new Url(parts.host(), parts.path(), parts.domain(), parts.ip() == null ? null : Ip.of(parts.ip()));
        }

        /** The host: a domain name, an IPv4 address or a bracketed IPv6 address. */
        public String host() {
            return host;
        }

        /** The normalised path, empty or starting with '/'. */
        public String path() {
            return path;
        }

        /** The host as a domain name; null when the host is an IP address. */
        public DomainName domain() {
            return domain;
        }

        /** The host as an IP address; null when the host is a domain name. */
        public Ip ip() {
            return ip;
        }

        @Override
        public String value() {
            return host + path;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Url url && url.value().equals(value());
        }

        @Override
        public int hashCode() {
            return value().hashCode();
        }

        @Override
        public String toString() {
            return "Url[" + value() + "]";
        }
    }

    /** A single IP address, v4 or v6: IP entries containing it. */
    final class Ip implements Probe {

        private final IPAddress address;
        private final String value;
        private final boolean ipv6;
        private final long high;
        private final long low;

        private Ip(IPAddress address) {
            this.address = address;
            this.value = IpAddresses.canonical(address);
            this.ipv6 = address.isIPv6();
            if (ipv6) {
                long[] halves = address.toIPv6().longValues();
                this.high = halves[0];
                this.low = halves[1];
            } else {
                this.high = 0;
                this.low = address.toIPv4().longValue();
            }
        }

        static Ip of(IPAddress address) {
            return new Ip(address);
        }

        @Override
        public String value() {
            return value;
        }

        public boolean isIpv6() {
            return ipv6;
        }

        /**
         * What one client controls: the address, or for IPv6 its /64 network (a host or a
         * subscriber's LAN is given a whole /64, so a limit per IPv6 address is no limit).
         */
        public String clientNetwork() {
            return ipv6 ? network(64) : value;
        }

        /**
         * The network one holder usually has: an IPv4 /24, an IPv6 /48 (what a site, or a free
         * tunnel broker's account, is given); many clients of {@link #clientNetwork()} each.
         */
        public String holderNetwork() {
            return network(ipv6 ? 48 : 24);
        }

        private String network(int prefix) {
            return IpAddresses.canonical(address.setPrefixLength(prefix, false).toPrefixBlock());
        }

        IPAddress address() {
            return address;
        }

        /** The upper 64 bits of an IPv6 address; 0 for IPv4. */
        long high() {
            return high;
        }

        /** The lower 64 bits of an IPv6 address, or the 32 bits of an IPv4 address. */
        long low() {
            return low;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ip ip && ip.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return "Ip[" + value + "]";
        }
    }
}
