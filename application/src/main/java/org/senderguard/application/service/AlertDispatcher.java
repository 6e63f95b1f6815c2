package org.senderguard.application.service;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import org.senderguard.application.port.out.AlertNotifier;
import org.senderguard.domain.alert.Alert;

/**
 * Sends stored alerts to their recipients in the background, so that a slow or failing mail relay
 * neither delays nor fails the request that raised them: the alert is already stored.
 */
public class AlertDispatcher {

    private static final System.Logger LOG = System.getLogger(AlertDispatcher.class.getName());

    private final AlertNotifier notifier;
    private final Executor executor;

    public AlertDispatcher(AlertNotifier notifier, Executor executor) {
        this.notifier = notifier;
        this.executor = executor;
    }

    public void dispatch(Alert alert) {
        executor.execute(() -> {
            try {
                notifier.send(alert);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "alert " + alert.id() + " (" + alert.kind().title() + ", " + alert.user()
                        + ") is stored but could not be sent: " + e.getMessage());
            }
        });
    }
}
