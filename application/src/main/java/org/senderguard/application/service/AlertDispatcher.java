package org.senderguard.application.service;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.senderguard.application.port.out.AlertNotifier;
import org.senderguard.application.port.out.AlertRepository;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.alert.AlertMail;

/**
 * Sends stored alerts to their recipients in the background, so that a slow or failing mail relay
 * neither delays nor fails the request that raised them: the alert is already stored, with its mail
 * pending. Mail the relay could not take is sent again when due ({@link AlertMail#retryAt}), by
 * whichever instance claims it first; one whose instance stopped while sending is taken over once
 * its claim runs out, so an alert may rarely be mailed twice but is not lost to a stop.
 */
public class AlertDispatcher {

    private static final System.Logger LOG = System.getLogger(AlertDispatcher.class.getName());
    /** Longer than a send can take (the relay's timeouts), so that a live sender keeps its claim. */
    static final Duration CLAIM = Duration.ofMinutes(10);
    private static final int DUE_PER_ROUND = 50;

    private final AlertNotifier notifier;
    private final AlertRepository alerts;
    private final Executor executor;
    private final Clock clock;

    public AlertDispatcher(AlertNotifier notifier, AlertRepository alerts, Executor executor, Clock clock) {
        this.notifier = notifier;
        this.alerts = alerts;
        this.executor = executor;
        this.clock = clock;
    }

    /** Logs the alert, and sends it soon; called once it is committed. */
    public void dispatch(Alert alert) {
        LOG.log(Level.WARNING, alert.kind().title() + " (" + alert.kind().severity() + "): " + alert.detail()
                + " [tenant " + alert.tenantId() + ", notify "
                + (alert.recipients().isEmpty() ? "nobody" : alert.recipients()) + "]");
        if (alert.mail().state() == AlertMail.State.PENDING) {
            executor.execute(() -> attempt(alert));
        }
    }

    /**
     * Sends the mail that is due again, and that of alerts whose instance stopped before sending,
     * one after another. An instance that cannot send leaves them to one that can.
     */
    public void sendDue() {
        if (notifier.sends()) {
            alerts.mailDue(clock.instant(), DUE_PER_ROUND).forEach(this::attempt);
        }
    }

    private void attempt(Alert alert) {
        try {
            if (!notifier.sends()) {
                alerts.mailAttempted(alert.id(), alert.mail().attempts(), AlertMail.State.NONE, null);
                return;
            }
            Instant now = clock.instant();
            if (alerts.claimMail(alert, now, now.plus(CLAIM))) {
                int attempt = alert.mail().attempts() + 1;
                Outcome outcome = send(alert, attempt);
                if (!alerts.mailAttempted(alert.id(), attempt, outcome.state(), outcome.retryAt())) {
                    LOG.log(Level.WARNING, describe(alert) + ": another instance took its mail over while this one "
                            + "was sending it (attempt " + attempt + ")");
                }
            }
        } catch (RuntimeException e) {
            // The database: the claim runs out, and the mail is sent when it is due again.
            LOG.log(Level.WARNING, describe(alert) + ": its mail could not be claimed or recorded: " + e.getMessage());
        }
    }

    private Outcome send(Alert alert, int attempt) {
        try {
            notifier.send(alert);
            return new Outcome(AlertMail.State.SENT, null);
        } catch (AlertNotifier.Refused e) {
            LOG.log(Level.WARNING, describe(alert) + " cannot be mailed, the relay refused every recipient: "
                    + e.getMessage());
            return new Outcome(AlertMail.State.FAILED, null);
        } catch (RuntimeException e) {
            Optional<Instant> retryAt = AlertMail.retryAt(alert.createdAt(), attempt, clock.instant());
            LOG.log(Level.WARNING, describe(alert) + " could not be mailed (attempt " + attempt + "): " + e.getMessage()
                    + retryAt.map(at -> "; trying again at " + at).orElse("; given up"));
            return retryAt.map(at -> new Outcome(AlertMail.State.PENDING, at))
                    .orElseGet(() -> new Outcome(AlertMail.State.FAILED, null));
        }
    }

    /** @param retryAt when a pending mail is due again; null otherwise */
    private record Outcome(AlertMail.State state, Instant retryAt) {
    }

    private static String describe(Alert alert) {
        return "alert " + alert.id() + " (" + alert.kind().title() + ", " + alert.user() + ")";
    }
}
