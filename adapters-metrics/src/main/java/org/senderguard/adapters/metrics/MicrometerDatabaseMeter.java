package org.senderguard.adapters.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.senderguard.application.port.out.DatabaseMeter;

/** {@code senderguard_database_errors_total} and {@code senderguard_database_retries_total}, by kind. */
@Singleton
class MicrometerDatabaseMeter implements DatabaseMeter {

    private final EnumCounters<Failure> errors;
    private final EnumCounters<Failure> retries;

    MicrometerDatabaseMeter(MeterRegistry registry) {
        errors = new EnumCounters<>(registry, "senderguard.database.errors", "Database failures, by kind", "kind",
                Failure.class);
        retries = new EnumCounters<>(registry, "senderguard.database.retries",
                "Transactions run again after a failure, by kind", "kind", Failure.class);
    }

    @Override
    public void failed(Failure failure) {
        errors.increment(failure);
    }

    @Override
    public void retried(Failure failure) {
        retries.increment(failure);
    }
}
