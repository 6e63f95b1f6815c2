package org.senderguard.bootstrap;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.senderguard.application.port.ServerPart;
import org.senderguard.application.service.AuthenticationFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes failed API key authentications visible to operators: one warning per {@link #INTERVAL} while
 * they happen (how many, from how many client networks, the worst few), never one per request and
 * never the key presented. Asked every second; a report is due once its failures span the interval.
 */
@Singleton
class AuthenticationFailureLog implements ServerPart {

    static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFailureLog.class);

    private final AuthenticationFailures failures;
    private final TaskScheduler scheduler;
    private ScheduledFuture<?> reporter;

    AuthenticationFailureLog(AuthenticationFailures failures, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.failures = failures;
        this.scheduler = scheduler;
    }

    @Override
    public String describe() {
        return "the report of failed authentications";
    }

    @Override
    public void start() {
        reporter = scheduler.scheduleWithFixedDelay(POLL, POLL, () -> failures.report().ifPresent(LOG::warn));
    }

    @Override
    public void stop() {
        reporter.cancel(false);
    }
}
