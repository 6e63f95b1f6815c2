package org.senderguard.application.port.out;

import org.senderguard.domain.alert.Alert;

/** Tells the alert's recipients, e.g. by email. Called after the alert is stored. */
public interface AlertNotifier {

    /** @throws RuntimeException when the notification could not be sent; the alert stays stored */
    void send(Alert alert);
}
