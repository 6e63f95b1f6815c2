package org.senderguard.domain.blocklist;

import inet.ipaddr.IPAddress;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

/**
 * One entry of a block list: the service list ({@code tenant} null) or a tenant's list.
 * {@code expiresAt} null means it never expires; {@code notes} may be null. A {@code delistable}
 * entry can be removed by the sender through the self-service delist portal. {@code exceptions}:
 * single addresses inside an IP range that the range no longer lists, canonical and in address
 * order (the portal delists an address by adding one).
 */
public record BlockListEntry(UUID id, TenantId tenant, BlockedValue value, String reason, EntrySource source,
        String createdBy, Instant createdAt, Instant expiresAt, String notes, boolean delistable,
        Set<String> exceptions) {

    /**
     * The most exceptions one range holds: each is a delisted address, so a range that needs more
     * is better split or lifted by Support (it also bounds the stored size of an entry).
     */
    public static final int MAX_EXCEPTIONS = 256;
    /**
     * The latest expiry an entry may have: the last second of the year 9999, the latest time both
     * databases store (MariaDB's DATETIME) and that a four-digit ISO date, as the CSV export writes
     * it, can say. An entry meant to last longer is one that never expires.
     */
    public static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");
    private static final String EXCEPTIONS = "exceptions";

    public BlockListEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(exceptions, EXCEPTIONS);
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "a block-list entry needs a reason");
        }
        reason = reason.strip();
        notes = notes == null || notes.isBlank() ? null : notes.strip();
        exceptions = exceptions.isEmpty() ? Set.of() : canonicalExceptions(value, exceptions);
    }

    /** An entry without exceptions. */
    public BlockListEntry(UUID id, TenantId tenant, BlockedValue value, String reason, EntrySource source,
            String createdBy, Instant createdAt, Instant expiresAt, String notes, boolean delistable) {
        this(id, tenant, value, reason, source, createdBy, createdAt, expiresAt, notes, delistable, Set.of());
    }

    public EntryType type() {
        return value.type();
    }

    /** Stops applying at {@code expiresAt} itself, without waiting for any clean-up job. */
    public boolean isActiveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    /** The plain definition of SPEC section 3.3, the reference the index must agree with. False when expired. */
    public boolean matches(Probe probe, Instant now) {
        return isActiveAt(now) && value.matches(probe) && !excepts(probe);
    }

    /** True when the probe's address (an IP, or a URL's IP host) is one of this range's exceptions. */
    public boolean excepts(Probe probe) {
        if (exceptions.isEmpty()) {
            return false;
        }
        Probe.Ip ip = BlockedValue.ipOf(probe);
        return ip != null && exceptions.contains(ip.value());
    }

    /**
     * A copy that no longer lists the single address {@code ip} (any notation; IPv4-mapped IPv6 as
     * IPv4). Throws InvalidValueException("exceptions", ...) unless this is an IP range containing it.
     */
    public BlockListEntry withException(String ip) {
        Set<String> more = new LinkedHashSet<>(exceptions);
        more.add(ip);
        return new BlockListEntry(id, tenant, value, reason, source, createdBy, createdAt, expiresAt, notes,
                delistable, more);
    }

    /** A copy that expires at {@code expiry} (null: never). */
    public BlockListEntry withExpiry(Instant expiry) {
        return new BlockListEntry(id, tenant, value, reason, source, createdBy, createdAt, expiry, notes, delistable,
                exceptions);
    }

    /** Whether expiry {@code expiry} is later than {@code than}, null meaning never: the latest of all. */
    public static boolean isLater(Instant expiry, Instant than) {
        return than != null && (expiry == null || expiry.isAfter(than));
    }

    /** Whether one more address can be excepted from this range. */
    public boolean canTakeException() {
        return value.isRange() && exceptions.size() < MAX_EXCEPTIONS;
    }

    public boolean isServiceEntry() {
        return tenant == null;
    }

    /** Parsed, checked to lie in the range, canonical, without duplicates, in address order. */
    private static Set<String> canonicalExceptions(BlockedValue value, Set<String> inputs) {
        IPAddress range = value.type() == EntryType.IP ? IpAddresses.parseCanonical(value.value()) : null;
        if (range == null || !range.isMultiple()) {
            throw new InvalidValueException(EXCEPTIONS, "only an IP range can have exceptions, not "
                    + FreeText.quoted(value.value()));
        }
        Set<String> canonical = new LinkedHashSet<>();
        inputs.stream().map(input -> exception(range, input)).sorted()
                .forEach(address -> canonical.add(IpAddresses.canonical(address)));
        if (canonical.size() > MAX_EXCEPTIONS) {
            throw new InvalidValueException(EXCEPTIONS, "a range holds at most " + MAX_EXCEPTIONS + " exceptions");
        }
        return Collections.unmodifiableSet(canonical);
    }

    private static IPAddress exception(IPAddress range, String input) {
        if (input == null) {
            throw new InvalidValueException(EXCEPTIONS, "an exception needs an IP address");
        }
        IPAddress address = IpAddresses.single(EXCEPTIONS, input.strip());
        if (!range.contains(address)) {
            throw new InvalidValueException(EXCEPTIONS, FreeText.quoted(input) + " is not in the range "
                    + IpAddresses.canonical(range));
        }
        return address;
    }
}
