package org.senderguard.adapters.email;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.senderguard.application.port.out.AlertNotifier;
import org.senderguard.domain.alert.Alert;

/** Without a relay an alert is stored, listed and logged only: there is no way to send it. */
@Singleton
@Secondary
class NoRelayAlertNotifier implements AlertNotifier {

    @Override
    public boolean sends() {
        return false;
    }

    @Override
    public void send(Alert alert) {
        throw new Refused("no SMTP relay is configured (SENDERGUARD_SMTP_HOST)", null);
    }
}
