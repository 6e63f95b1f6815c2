package org.senderguard.application.port.out;

import org.senderguard.domain.alert.Alert;

/** Tells the alert's recipients, e.g. by email. Called after the alert is stored. */
public interface AlertNotifier {

    /** Whether alerts can be sent at all; without a way (no relay configured) they are stored and logged only. */
    boolean sends();

    /**
     * @throws Refused when it can never be sent: every recipient's address was refused for good
     * @throws RuntimeException when it could not be sent now, e.g. the relay could not be reached
     */
    void send(Alert alert);

    /** Every recipient's address was refused for good; the message says why. */
    final class Refused extends RuntimeException {

        public Refused(String why, Throwable cause) {
            super(why, cause);
        }
    }
}
