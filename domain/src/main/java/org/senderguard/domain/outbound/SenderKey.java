package org.senderguard.domain.outbound;

import java.util.Comparator;
import java.util.Objects;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.tenant.TenantId;

/** One sender of one tenant: the unit that is counted, restricted and locked. */
public record SenderKey(TenantId tenantId, EmailAddress address) implements Comparable<SenderKey> {

    private static final Comparator<SenderKey> ORDER = Comparator
            .comparing(SenderKey::tenantId).thenComparing(SenderKey::address);

    public SenderKey {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(address, "address");
    }

    /** The order in which locks are taken, the same everywhere, so that lockers cannot deadlock. */
    @Override
    public int compareTo(SenderKey other) {
        return ORDER.compare(this, other);
    }
}
