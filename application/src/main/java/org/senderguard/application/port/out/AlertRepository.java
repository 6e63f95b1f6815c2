package org.senderguard.application.port.out;

import java.util.List;
import java.util.UUID;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.tenant.TenantId;

public interface AlertRepository {

    void insert(Alert alert);

    /** Newest first; with {@code before}, only those older than that alert. */
    List<Alert> findByTenant(TenantId tenantId, UUID before, int limit);
}
