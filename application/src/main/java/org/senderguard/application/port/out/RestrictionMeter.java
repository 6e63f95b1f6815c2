package org.senderguard.application.port.out;

import org.senderguard.domain.outbound.Limit;

/**
 * Observes restrictions as they are committed: senders restricted (by the limit they passed, or
 * by hand) and unblocked (by an admin, or by Support). Does nothing unless implemented ({@link #NONE}).
 */
public interface RestrictionMeter {

    RestrictionMeter NONE = new RestrictionMeter() {
    };

    enum Unblocker { ADMIN, SUPPORT }

    default void restricted(Limit limit) {
    }

    default void unblocked(Unblocker by) {
    }
}
