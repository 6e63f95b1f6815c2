package org.senderguard.adapters.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.senderguard.application.port.out.PortalMeter;

/** {@code senderguard_portal_requests_total} by request, {@code senderguard_portal_refusals_total} by reason. */
@Singleton
class MicrometerPortalMeter implements PortalMeter {

    private final EnumCounters<Request> accepted;
    private final EnumCounters<Refusal> refused;

    MicrometerPortalMeter(MeterRegistry registry) {
        accepted = new EnumCounters<>(registry, "senderguard.portal.requests",
                "Delist portal requests taken: link requests recorded, confirmations committed", "request",
                Request.class);
        refused = new EnumCounters<>(registry, "senderguard.portal.refusals",
                "Delist portal requests refused, by reason", "reason", Refusal.class);
    }

    @Override
    public void accepted(Request request) {
        accepted.increment(request);
    }

    @Override
    public void refused(Refusal reason) {
        refused.increment(reason);
    }
}
