package org.senderguard.domain.blocklist;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;

/**
 * A validated, normalised block-list value of one type, in its canonical text:
 * <ul>
 * <li>{@code SENDER}: an email address, lower case, IDN domain as punycode;</li>
 * <li>{@code DOMAIN}: {@code contoso.com} (that domain only) or {@code *.contoso.com} (its
 * subdomains, at any depth);</li>
 * <li>{@code URL}: a host, optionally {@code *.}-prefixed, and an optional path prefix, without
 * scheme, port, query or fragment: {@code x.bad-example.net/p};</li>
 * <li>{@code IP}: an address or a CIDR range, v4 or v6, as the ipaddress library writes it
 * ({@code 198.51.100.7}, {@code 2001:db8::/32}); IPv4-mapped IPv6 becomes IPv4.</li>
 * </ul>
 */
public final class BlockedValue {

    private static final String FIELD = "value";
    private static final int MAX_ADDRESS = 254;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_IP = 64;

    private final EntryType type;
    private final String value;

    /** Throws IllegalArgumentException unless {@code value} is a canonical value of the type. */
    public BlockedValue(EntryType type, String value) {
        this(type, value, true);
    }

    private BlockedValue(EntryType type, String value, boolean check) {
        Objects.requireNonNull(type, "type");
        if (value == null || check && !isCanonical(type, value)) {
            throw new IllegalArgumentException("not a canonical " + type + " value: " + value);
        }
        this.type = type;
        this.value = value;
    }

    /**
     * A value that was checked before and kept intact since: rebuilt by an index from its own storage
     * for each entry found, read back from a checksummed snapshot of one, or from the database, where
     * only checked values are written. Checking it again would cost more than the lookup, or most of
     * a start on a big list.
     */
    public static BlockedValue ofChecked(EntryType type, String canonical) {
        return new BlockedValue(type, canonical, false);
    }

    public EntryType type() {
        return type;
    }

    public String value() {
        return value;
    }

    /**
     * Validates and normalises user input; throws InvalidValueException(field "value", message naming
     * the input and why it is rejected).
     */
    public static BlockedValue parse(EntryType type, String input) {
        Objects.requireNonNull(type, "type");
        if (input == null || input.isBlank()) {
            throw new InvalidValueException(FIELD, "a value is required");
        }
        String trimmed = input.strip();
        int max = switch (type) {
            case SENDER -> MAX_ADDRESS;
            case DOMAIN -> MAX_DOMAIN + 3; // room for "*." and a trailing dot, checked exactly below
            case URL -> Urls.MAX_LENGTH;
            case IP -> MAX_IP;
        };
        if (trimmed.length() > max) {
            throw new InvalidValueException(FIELD, FreeText.quoted(trimmed) + " is longer than "
                    + (type == EntryType.DOMAIN ? MAX_DOMAIN : max) + " characters");
        }
        Texts.requirePrintable(FIELD, trimmed);
        String canonical = switch (type) {
            case SENDER -> sender(trimmed);
            case DOMAIN -> domain(trimmed);
            case URL -> Urls.parse(FIELD, trimmed, true).canonical();
            case IP -> IpAddresses.canonicalRange(FIELD, trimmed);
        };
        // Canonical by construction; checking it again would parse every value twice (an import of a
        // million rows spends a third of its checking on that). The tests run with assertions on.
        assert isCanonical(type, canonical) : "not a canonical " + type + " value: " + canonical;
        return new BlockedValue(type, canonical, false);
    }

    /** A canonical value, checked: IllegalArgumentException when the text is not in canonical form. */
    public static BlockedValue of(EntryType type, String canonical) {
        return new BlockedValue(type, canonical);
    }

    /** The domain of a {@code DOMAIN} value: {@code d} of {@code d} and of {@code *.d}. */
    public DomainName domain() {
        if (type != EntryType.DOMAIN) {
            throw new IllegalStateException("not a DOMAIN value: " + this);
        }
        return new DomainName(value.startsWith("*.") ? value.substring(2) : value);
    }

    /** An IP network of more than one address, like 198.51.100.0/24 (canonical single addresses have no prefix). */
    public boolean isRange() {
        return type == EntryType.IP && value.indexOf('/') >= 0;
    }

    /** How many addresses an IP value covers: 1 for a single address. */
    public BigInteger addressCount() {
        if (type != EntryType.IP) {
            throw new IllegalStateException("not an IP value: " + this);
        }
        return IpAddresses.parseCanonical(value).getCount();
    }

    /** Whether this IP value holds every address of another: a network covers itself and what lies inside it. */
    public boolean covers(BlockedValue other) {
        if (type != EntryType.IP || other.type != EntryType.IP) {
            throw new IllegalStateException("not IP values: " + this + ", " + other);
        }
        return IpAddresses.parseCanonical(value).contains(IpAddresses.parseCanonical(other.value));
    }

    /** Whether this value matches the probe (SPEC section 3.3), regardless of any expiry. */
    public boolean matches(Probe probe) {
        return switch (type) {
            case SENDER -> probe instanceof Probe.Address address && address.address().value().equals(value);
            case DOMAIN -> {
                DomainName domain = domainOf(probe);
                yield domain != null && domainMatches(value, domain);
            }
            case URL -> probe instanceof Probe.Url url && urlMatches(url);
            case IP -> {
                Probe.Ip ip = ipOf(probe);
                yield ip != null && IpAddresses.parseCanonical(value).contains(ip.address());
            }
        };
    }

    /** The address IP entries are matched against: the probe itself, a URL's IP host, or null. */
    static Probe.Ip ipOf(Probe probe) {
        return probe instanceof Probe.Url url ? url.ip() : probe instanceof Probe.Ip single ? single : null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlockedValue that && that.type == type && that.value.equals(value);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + value.hashCode();
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }

    private static DomainName domainOf(Probe probe) {
        if (probe instanceof Probe.Address address) {
            return address.address().domain();
        }
        if (probe instanceof Probe.Domain domain) {
            return domain.domain();
        }
        if (probe instanceof Probe.Url url) {
            return url.domain();
        }
        return null;
    }

    /** {@code d} matches only d; {@code *.d} matches strict subdomains of d. */
    static boolean domainMatches(String pattern, DomainName domain) {
        String name = domain.value();
        if (pattern.startsWith("*.")) {
            int base = pattern.length() - 2;
            return name.length() > base + 1 && name.endsWith(pattern.substring(1));
        }
        return name.equals(pattern);
    }

    private boolean urlMatches(Probe.Url url) {
        int slash = value.indexOf('/');
        String host = slash < 0 ? value : value.substring(0, slash);
        String path = slash < 0 ? "" : value.substring(slash);
        boolean hostMatches = host.startsWith("*.")
                ? url.domain() != null && domainMatches(host, url.domain())
                : host.equals(url.host());
        return hostMatches && pathMatches(path, url.path());
    }

    /**
     * An entry path is a prefix that ends at a segment boundary: /p matches /p, /p/ and /p/x but not
     * /pa; /p/ matches what is under /p/. An empty entry path matches every path.
     */
    static boolean pathMatches(String entryPath, String probePath) {
        if (entryPath.isEmpty()) {
            return true;
        }
        if (!probePath.startsWith(entryPath)) {
            return false;
        }
        return probePath.length() == entryPath.length() || entryPath.endsWith("/")
                || probePath.charAt(entryPath.length()) == '/';
    }

    private static String sender(String input) {
        try {
            return EmailAddress.parse(FIELD, input).value();
        } catch (InvalidValueException e) {
            String reason = Texts.reason(e);
            if (reason.startsWith(FreeText.quoted(input) + " ")) {
                throw e;
            }
            throw new InvalidValueException(FIELD, FreeText.quoted(input) + " is not a valid email address: " + reason);
        }
    }

    private static String domain(String input) {
        boolean wildcard = input.startsWith("*.");
        String base = wildcard ? input.substring(2) : input;
        if (base.isEmpty()) {
            throw new InvalidValueException(FIELD, FreeText.quoted(input)
                    + " has no domain after '*.'; write it like *.contoso.com");
        }
        if (base.indexOf('*') >= 0) {
            throw new InvalidValueException(FIELD, FreeText.quoted(input) + " has a wildcard in the wrong place: only a"
                    + " leading '*.' is allowed, as in *.contoso.com (its subdomains)");
        }
        String withoutDot = base.endsWith(".") ? base.substring(0, base.length() - 1) : base;
        if (withoutDot.length() > MAX_DOMAIN) {
            throw new InvalidValueException(FIELD, FreeText.quoted(input) + " is longer than " + MAX_DOMAIN + " characters");
        }
        if (withoutDot.indexOf('.') < 0 && RegisteredDomains.isRegistrySuffix(withoutDot.toLowerCase(Locale.ROOT))) {
            throw publicSuffix(input, wildcard, withoutDot.toLowerCase(Locale.ROOT));
        }
        DomainName domain;
        try {
            domain = DomainName.parse(FIELD, base);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(FIELD, (wildcard ? FreeText.quoted(input) + " is not a valid wildcard domain: "
                    : "") + Texts.reason(e) + hintForDomain(base));
        }
        if (RegisteredDomains.isRegistrySuffix(domain)) {
            throw publicSuffix(input, wildcard, domain.value());
        }
        return (wildcard ? "*." : "") + domain.value();
    }

    private static InvalidValueException publicSuffix(String input, boolean wildcard, String suffix) {
        return new InvalidValueException(FIELD, FreeText.quoted(input) + (wildcard
                ? " would cover every domain registered under the public suffix " + suffix
                : " is a public suffix, under which anyone can register domains")
                + "; list a domain under it instead, like example." + suffix);
    }

    private static String hintForDomain(String input) {
        if (input.indexOf('@') >= 0) {
            return "; for an email address use type SENDER";
        }
        if (input.indexOf('/') >= 0 || input.contains("://")) {
            return "; for a URL use type URL";
        }
        if (IpAddresses.isSingle(input) || IpAddresses.isRange(input)) {
            return "; for an IP address use type IP";
        }
        return "";
    }

    private static boolean isCanonical(EntryType type, String value) {
        try {
            return value.equals(switch (type) {
                case SENDER -> EmailAddress.of(value).value();
                case DOMAIN -> canonicalDomain(value);
                case URL -> Urls.parse(FIELD, value, true).canonical();
                case IP -> {
                    IPAddress address = IpAddresses.parseCanonical(value);
                    yield address == null ? null : value;
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String canonicalDomain(String value) {
        boolean wildcard = value.startsWith("*.");
        DomainName domain = new DomainName(wildcard ? value.substring(2) : value);
        return RegisteredDomains.isRegistrySuffix(domain) ? null : value;
    }
}
