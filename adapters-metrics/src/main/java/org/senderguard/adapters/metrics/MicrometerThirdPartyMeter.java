package org.senderguard.adapters.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.senderguard.application.port.out.ThirdPartyMeter;

/** {@code senderguard_third_party_answers_total} by list and status; a list's series appear with its first answer. */
@Singleton
class MicrometerThirdPartyMeter implements ThirdPartyMeter {

    private final MeterRegistry registry;

    MicrometerThirdPartyMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(String list, Status status) {
        Counter.builder("senderguard.third.party.answers")
                .description("Answers of third-party DNS block lists from DNS, by list and status")
                .tags("list", list, "status", Labels.of(status))
                .register(registry).increment();
    }
}
