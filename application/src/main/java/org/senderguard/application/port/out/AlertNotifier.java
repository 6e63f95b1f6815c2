package org.senderguard.application.port.out;

import org.senderguard.domain.alert.Alert;

/** Tells the alert's recipients, e.g. by email. Called after the alert is stored. */
public interface AlertNotifier {

    /**
     * @return whether the alert was sent to anyone (false: there is no way to send it, e.g. no relay)
     * @throws Refused when it can never be sent: every recipient's address was refused for good
     * @throws RuntimeException when it could not be sent now, e.g. the relay could not be reached
     */
    boolean send(Alert alert);

    /** Every recipient's address was refused for good; the message says why. */
    final class Refused extends RuntimeException {

        public Refused(String why, Throwable cause) {
            super(why, cause);
        }
    }
}
