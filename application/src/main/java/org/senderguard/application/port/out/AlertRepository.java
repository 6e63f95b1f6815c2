package org.senderguard.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.tenant.TenantId;

public interface AlertRepository {

    void insert(Alert alert);

    /** Newest first; with a cursor, only those older than the alert (at, id) it names. */
    List<Alert> findByTenant(TenantId tenantId, Instant beforeAt, UUID beforeId, int limit);
}
