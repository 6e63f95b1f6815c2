package org.senderguard.adapters.email;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.senderguard.application.port.out.AlertNotifier;
import org.senderguard.domain.alert.Alert;

/** Without a relay an alert is stored, listed and logged only: there is nobody it can be sent to. */
@Singleton
@Secondary
class NoRelayAlertNotifier implements AlertNotifier {

    @Override
    public boolean send(Alert alert) {
        return false;
    }
}
