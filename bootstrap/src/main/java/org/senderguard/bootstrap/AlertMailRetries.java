package org.senderguard.bootstrap;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.ServerPart;
import org.senderguard.application.service.AlertDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alert mail that is due again on every server, every half minute: mail the relay could not
 * take, and mail of alerts whose server stopped before sending it. The outbox's claims keep two
 * servers from sending one alert.
 */
@Singleton
class AlertMailRetries implements ServerPart {

    static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AlertMailRetries.class);

    private final AlertDispatcher dispatcher;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private ScheduledFuture<?> retries;

    AlertMailRetries(AlertDispatcher dispatcher, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, Clock clock) {
        this.dispatcher = dispatcher;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public String describe() {
        return "the alert mail retries";
    }

    @Override
    public void start() {
        retries = scheduler.scheduleWithFixedDelay(INTERVAL, INTERVAL, this::sendDue);
    }

    @Override
    public void stop() {
        retries.cancel(false);
    }

    private void sendDue() {
        try {
            dispatcher.sendDue(clock.instant());
        } catch (DatabaseUnavailableException outageLoggedOnce) {
            // Sent once the database answers again.
        } catch (RuntimeException e) {
            LOG.warn("could not read the alert mail that is due (will retry): {}", e.getMessage());
        }
    }
}
