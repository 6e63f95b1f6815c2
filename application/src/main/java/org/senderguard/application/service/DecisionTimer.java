package org.senderguard.application.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.out.MailFlowMeter;
import org.senderguard.application.port.out.MailFlowMeter.Answer;
import org.senderguard.application.port.out.MailFlowMeter.Client;
import org.senderguard.application.port.out.MailFlowMeter.Direction;
import org.senderguard.domain.mailflow.Decision;

/**
 * Reports each decision to the {@link MailFlowMeter} when it is answered: what it was and how long
 * it took, or {@code TEMPFAIL} when the database kept it from being made. Other failures (an
 * unknown tenant, a bug) are no decision and are not counted.
 */
final class DecisionTimer {

    private final MailFlowMeter meter;

    DecisionTimer(MailFlowMeter meter) {
        this.meter = meter;
    }

    CompletableFuture<Decision> timed(Client client, Direction direction, long startNanos,
                                      CompletableFuture<Decision> decision) {
        return decision.whenComplete((decided, failure) -> {
            if (failure == null) {
                report(client, direction, Answer.of(decided), startNanos);
            } else if (unavailable(failure)) {
                report(client, direction, Answer.TEMPFAIL, startNanos);
            }
        });
    }

    Decision timed(Client client, Direction direction, Supplier<Decision> decide) {
        long start = System.nanoTime();
        try {
            Decision decided = decide.get();
            report(client, direction, Answer.of(decided), start);
            return decided;
        } catch (DatabaseUnavailableException e) {
            report(client, direction, Answer.TEMPFAIL, start);
            throw e;
        }
    }

    private void report(Client client, Direction direction, Answer answer, long startNanos) {
        meter.decided(client, direction, answer, System.nanoTime() - startNanos);
    }

    private static boolean unavailable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof DatabaseUnavailableException;
    }
}
