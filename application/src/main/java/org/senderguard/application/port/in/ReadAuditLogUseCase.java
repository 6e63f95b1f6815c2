package org.senderguard.application.port.in;

import org.senderguard.domain.audit.AuditRecord;

public interface ReadAuditLogUseCase {

    /** The tenant's audit records, newest first. */
    Page<AuditRecord> listAudit(ListQuery query);
}
