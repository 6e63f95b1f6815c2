package org.senderguard.bootstrap;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.ServerPart;
import org.senderguard.application.service.AlertDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alert mail that is due again on every server, every half minute: mail the relay could not
 * take, and mail of alerts whose server stopped before sending it. The outbox's claims keep two
 * servers from sending one alert. A round runs on the I/O pool, one at a time: with the relay down
 * each mail waits for its timeout, which must not hold up the scheduled tasks (the database check
 * behind /health among them).
 */
@Singleton
class AlertMailRetries implements ServerPart {

    static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AlertMailRetries.class);

    private final AlertDispatcher dispatcher;
    private final TaskScheduler scheduler;
    private final ExecutorService io;
    private final AtomicBoolean sending = new AtomicBoolean();
    private ScheduledFuture<?> rounds;

    AlertMailRetries(AlertDispatcher dispatcher, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                     @Named(TaskExecutors.IO) ExecutorService io) {
        this.dispatcher = dispatcher;
        this.scheduler = scheduler;
        this.io = io;
    }

    @Override
    public String describe() {
        return "the alert mail retries";
    }

    @Override
    public void start() {
        rounds = scheduler.scheduleWithFixedDelay(INTERVAL, INTERVAL, () -> {
            if (sending.compareAndSet(false, true)) {
                io.execute(this::sendDue);
            }
        });
    }

    @Override
    public void stop() {
        rounds.cancel(false);
    }

    private void sendDue() {
        try {
            dispatcher.sendDue();
        } catch (DatabaseUnavailableException outageLoggedOnce) {
            // Sent once the database answers again.
        } catch (RuntimeException e) {
            LOG.warn("could not read the alert mail that is due (will retry): {}", e.getMessage());
        } finally {
            sending.set(false);
        }
    }
}
