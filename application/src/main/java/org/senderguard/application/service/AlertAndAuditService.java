package org.senderguard.application.service;

import org.senderguard.application.port.in.ListAlertsUseCase;
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.Page;
import org.senderguard.application.port.in.ReadAuditLogUseCase;
import org.senderguard.application.port.out.AlertRepository;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.audit.AuditRecord;

/** The two newest-first logs admins read: alerts and the audit log. */
public class AlertAndAuditService implements ListAlertsUseCase, ReadAuditLogUseCase {

    private final AlertRepository alerts;
    private final AuditLog audit;

    public AlertAndAuditService(AlertRepository alerts, AuditLog audit) {
        this.alerts = alerts;
        this.audit = audit;
    }

    @Override
    public Page<Alert> list(ListQuery query) {
        return Pages.newestFirst(query, (before, limit) -> alerts.findByTenant(query.tenantId(), before, limit),
                Alert::id);
    }

    @Override
    public Page<AuditRecord> listAudit(ListQuery query) {
        return Pages.newestFirst(query, (before, limit) -> audit.findByTenant(query.tenantId(), before, limit),
                AuditRecord::id);
    }
}
