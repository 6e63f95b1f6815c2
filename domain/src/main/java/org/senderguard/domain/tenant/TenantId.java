package org.senderguard.domain.tenant;

import java.util.Objects;
import java.util.UUID;

/** The stable identity of a tenant; its name can be shown, this is what other records point to. */
public record TenantId(UUID value) implements Comparable<TenantId> {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId newId() {
        return new TenantId(UUID.randomUUID());
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    /**
     * The order of the ids' text (fixed-width lower-case hex), without writing it out: the two
     * halves compared unsigned. {@link UUID#compareTo} compares them signed, in another order.
     */
    @Override
    public int compareTo(TenantId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0 ? high
                : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
