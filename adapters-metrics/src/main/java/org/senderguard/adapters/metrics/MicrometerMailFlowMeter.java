package org.senderguard.adapters.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.senderguard.application.port.out.MailFlowMeter;

/**
 * {@code senderguard_decisions_total} by adapter, direction and action; the decisions' latency as a
 * histogram ({@code senderguard_decision_seconds_bucket}, for {@code histogram_quantile}); and the
 * outbound decider's batch sizes ({@code senderguard_outbound_batch_size}). Every series exists from
 * the start.
 */
@Singleton
class MicrometerMailFlowMeter implements MailFlowMeter {

    /** Batches hold at most 64 submissions; powers of two show how full they are. */
    private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64};

    private final Counter[][][] decisions;
    private final Timer[][] latencies;
    private final DistributionSummary batches;

    MicrometerMailFlowMeter(MeterRegistry registry) {
        Client[] clients = Client.values();
        Direction[] directions = Direction.values();
        Answer[] answers = Answer.values();
        decisions = new Counter[clients.length][directions.length][answers.length];
        latencies = new Timer[clients.length][directions.length];
        for (Client client : clients) {
            for (Direction direction : directions) {
                for (Answer answer : answers) {
                    decisions[client.ordinal()][direction.ordinal()][answer.ordinal()] =
                            Counter.builder("senderguard.decisions")
                                    .description("Mail-flow decisions answered, by adapter, direction and action")
                                    .tags("adapter", Labels.of(client), "direction", Labels.of(direction),
                                            "action", Labels.of(answer))
                                    .register(registry);
                }
                latencies[client.ordinal()][direction.ordinal()] = Timer.builder("senderguard.decision")
                        .description("Time from a decision's request reaching the application to its answer")
                        .tags("adapter", Labels.of(client), "direction", Labels.of(direction))
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofNanos(100_000))
                        .maximumExpectedValue(Duration.ofSeconds(10))
                        .register(registry);
            }
        }
        batches = DistributionSummary.builder("senderguard.outbound.batch.size")
                .description("Submissions the outbound decider decided in one transaction")
                .serviceLevelObjectives(BATCH_BUCKETS)
                .register(registry);
    }

    @Override
    public void decided(Client client, Direction direction, Answer answer, long nanos) {
        decisions[client.ordinal()][direction.ordinal()][answer.ordinal()].increment();
        latencies[client.ordinal()][direction.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void batchDecided(int submissions) {
        batches.record(submissions);
    }
}
