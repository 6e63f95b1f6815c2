package org.senderguard.application.service;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.senderguard.application.port.in.ListAlertsUseCase;
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.Page;
import org.senderguard.application.port.in.ReadAuditLogUseCase;
import org.senderguard.application.port.out.AlertRepository;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.common.InvalidValueException;

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
        return page(query, before -> alerts.findByTenant(query.tenantId(), before, query.limit() + 1), Alert::id);
    }

    @Override
    public Page<AuditRecord> listAudit(ListQuery query) {
        return page(query, before -> audit.findByTenant(query.tenantId(), before, query.limit() + 1),
                AuditRecord::id);
    }

    /**
     * The cursor is the id of the last item shown. Fetches one more than the page holds, to know
     * whether there is a next page.
     */
    private static <T> Page<T> page(ListQuery query, Function<UUID, List<T>> fetch, Function<T, UUID> idOf) {
        List<T> found = fetch.apply(query.cursor() == null ? null : parseCursor(query.cursor()));
        List<T> items = found.stream().limit(query.limit()).toList();
        return new Page<>(items, found.size() > query.limit() ? idOf.apply(items.get(items.size() - 1)).toString()
                : null);
    }

    private static UUID parseCursor(String cursor) {
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("cursor", "not a cursor from a previous page");
        }
    }
}
