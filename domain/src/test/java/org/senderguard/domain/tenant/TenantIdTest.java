package org.senderguard.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TenantIdTest {

    /** Senders are locked in this order everywhere; it must stay the order of the ids as text. */
    @Property(tries = 2000)
    void ordersAsTheIdsTextDoes(@ForAll long aHigh, @ForAll long aLow, @ForAll long bHigh, @ForAll long bLow) {
        TenantId a = new TenantId(new UUID(aHigh, aLow));
        TenantId b = new TenantId(new UUID(bHigh, bLow));
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
        assertThat(a.compareTo(new TenantId(new UUID(aHigh, aLow)))).isZero();
    }
}
