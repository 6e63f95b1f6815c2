package org.senderguard.adapters.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.senderguard.application.port.out.RestrictionMeter;
import org.senderguard.domain.outbound.Limit;

/** {@code senderguard_restrictions_total} by the limit passed ({@code manual}: by hand), {@code senderguard_unblocks_total} by who. */
@Singleton
class MicrometerRestrictionMeter implements RestrictionMeter {

    private final EnumCounters<Limit> restrictions;
    private final EnumCounters<Unblocker> unblocks;

    MicrometerRestrictionMeter(MeterRegistry registry) {
        restrictions = new EnumCounters<>(registry, "senderguard.restrictions",
                "Senders restricted, by the limit they passed (manual: restricted by hand)", "limit", Limit.class);
        unblocks = new EnumCounters<>(registry, "senderguard.unblocks",
                "Restricted senders unblocked, by an admin or by Support", "by", Unblocker.class);
    }

    @Override
    public void restricted(Limit limit) {
        restrictions.increment(limit);
    }

    @Override
    public void unblocked(Unblocker by) {
        unblocks.increment(by);
    }
}
