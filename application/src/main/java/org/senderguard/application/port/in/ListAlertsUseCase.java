package org.senderguard.application.port.in;

import org.senderguard.domain.alert.Alert;

public interface ListAlertsUseCase {

    /** The tenant's alerts, newest first. */
    Page<Alert> list(ListQuery query);
}
