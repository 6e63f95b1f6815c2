package org.senderguard.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.tenant.TenantId;

public interface AuditLog {

    void add(AuditRecord record);

    /** Newest first; with a cursor, only those older than the record (at, id) it names. */
    List<AuditRecord> findByTenant(TenantId tenantId, Instant beforeAt, UUID beforeId, int limit);
}
