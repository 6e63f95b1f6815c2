package org.senderguard.adapters.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import org.senderguard.application.port.out.DecisionHistoryMeter;

/**
 * Gauges of this instance's remembered decisions on MariaDB (0 on the embedded database, which seals
 * nothing), labelled {@code instance_id}: {@code senderguard_decision_partitions} by {@code state},
 * {@code sealed} or {@code unsealed} (could be sealed and is not: each lookup asks MariaDB about it),
 * and {@code senderguard_decision_fingerprints_bytes}, the heap the sealed partitions' fingerprints take.
 */
@Singleton
class MicrometerDecisionHistoryMeter implements DecisionHistoryMeter {

    private final AtomicLong sealed = new AtomicLong();
    private final AtomicLong unsealed = new AtomicLong();
    private final AtomicLong fingerprintBytes = new AtomicLong();

    MicrometerDecisionHistoryMeter(MeterRegistry registry, @Value("${senderguard.instance-id:}") String instanceId) {
        String instance = InstanceId.of(instanceId);
        partitions(registry, "sealed", sealed, instance);
        partitions(registry, "unsealed", unsealed, instance);
        Gauge.builder("senderguard.decision.fingerprints", fingerprintBytes, AtomicLong::doubleValue)
                .description("Heap taken by the fingerprints of the sealed partitions of remembered decisions")
                .baseUnit("bytes")
                .tags("instance_id", instance)
                .register(registry);
    }

    @Override
    public void sealing(int sealedPartitions, int unsealedPartitions, long fingerprintBytes) {
        sealed.set(sealedPartitions);
        unsealed.set(unsealedPartitions);
        this.fingerprintBytes.set(fingerprintBytes);
    }

    private static void partitions(MeterRegistry registry, String state, AtomicLong count, String instance) {
        Gauge.builder("senderguard.decision.partitions", count, AtomicLong::doubleValue)
                .description("Time partitions of remembered decisions whose period ended long enough ago to be "
                        + "sealed: sealed, or not yet (asked about in MariaDB by every lookup)")
                .tags("state", state, "instance_id", instance)
                .register(registry);
    }
}
