package org.senderguard.adapters.email;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.senderguard.application.port.out.AlertNotifier;
import org.senderguard.domain.alert.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every alert; without a relay configured, this is how alerts reach an operator. */
@Singleton
@Secondary
class LogAlertNotifier implements AlertNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(LogAlertNotifier.class);

    @Override
    public void send(Alert alert) {
        LOG.warn("{} ({}): {} [tenant {}, notify {}]", alert.kind().title(), alert.kind().severity(), alert.detail(),
                alert.tenantId(), alert.recipients().isEmpty() ? "nobody" : alert.recipients());
    }
}
