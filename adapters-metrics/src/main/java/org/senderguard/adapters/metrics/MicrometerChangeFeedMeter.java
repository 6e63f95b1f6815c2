package org.senderguard.adapters.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.senderguard.application.port.out.ChangeFeedMeter;

/**
 * Gauges of this instance, labelled {@code instance_id} ({@code SENDERGUARD_INSTANCE_ID}, by default
 * the host name): {@code senderguard_blocklist_index_entries} by list (the service list, all
 * tenants' lists together) and {@code senderguard_change_feed_lag_seconds} by feed, the time since
 * the instance last caught up with it (NaN before the first time).
 */
@Singleton
class MicrometerChangeFeedMeter implements ChangeFeedMeter {

    private static final long NEVER = Long.MIN_VALUE;

    private final AtomicLong serviceEntries = new AtomicLong();
    private final AtomicLong tenantEntries = new AtomicLong();
    /** System.nanoTime() of each feed's last catch-up: time on this instance, whatever the clock says. */
    private final Map<Feed, AtomicLong> caughtUp = new EnumMap<>(Feed.class);

    MicrometerChangeFeedMeter(MeterRegistry registry, @Value("${senderguard.instance-id:}") String instanceId) {
        String instance = InstanceId.of(instanceId);
        entries(registry, "service", serviceEntries, instance);
        entries(registry, "tenants", tenantEntries, instance);
        for (Feed feed : Feed.values()) {
            AtomicLong last = new AtomicLong(NEVER);
            caughtUp.put(feed, last);
            Gauge.builder("senderguard.change.feed.lag", last, MicrometerChangeFeedMeter::secondsSince)
                    .description("Seconds since this instance last caught up with the change feed")
                    .baseUnit("seconds")
                    .tags("feed", Labels.of(feed), "instance_id", instance)
                    .register(registry);
        }
    }

    @Override
    public void indexed(long serviceEntries, long tenantEntries) {
        this.serviceEntries.set(serviceEntries);
        this.tenantEntries.set(tenantEntries);
    }

    @Override
    public void caughtUp(Feed feed) {
        caughtUp.get(feed).set(System.nanoTime());
    }

    private static void entries(MeterRegistry registry, String list, AtomicLong count, String instance) {
        Gauge.builder("senderguard.blocklist.index.entries", count, AtomicLong::doubleValue)
                .description("Entries in this instance's block-list index: the service list, all tenants' lists")
                .tags("list", list, "instance_id", instance)
                .register(registry);
    }

    private static double secondsSince(AtomicLong last) {
        long at = last.get();
        return at == NEVER ? Double.NaN : (System.nanoTime() - at) / 1e9;
    }
}
