package org.senderguard.application.port.in;

import org.senderguard.domain.audit.AuditRecord;

public interface ReadAuditLogUseCase {

    /** The tenant's audit records, newest first; without a tenant in the query, the service's own. */
    Page<AuditRecord> listAudit(ListQuery query);
}
