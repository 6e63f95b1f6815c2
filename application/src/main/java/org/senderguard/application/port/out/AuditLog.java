package org.senderguard.application.port.out;

import java.util.List;
import java.util.UUID;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.tenant.TenantId;

public interface AuditLog {

    void add(AuditRecord record);

    /**
     * Newest first; with {@code before}, only those older than that record. A null tenant: the
     * service's own records (operators, the delist portal, the service list).
     */
    List<AuditRecord> findByTenant(TenantId tenantId, UUID before, int limit);
}
