package org.senderguard.adapters.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * One counter per value of an enum, under one label, all registered at once: a series that exists
 * from the start at 0 lets Prometheus see its first increase.
 */
final class EnumCounters<E extends Enum<E>> {

    private final Map<E, Counter> counters;

    EnumCounters(MeterRegistry registry, String name, String description, String label, Class<E> values) {
        counters = new EnumMap<>(values);
        for (E value : values.getEnumConstants()) {
            counters.put(value, Counter.builder(name).description(description).tag(label, Labels.of(value))
                    .register(registry));
        }
    }

    void increment(E value) {
        counters.get(value).increment();
    }
}
