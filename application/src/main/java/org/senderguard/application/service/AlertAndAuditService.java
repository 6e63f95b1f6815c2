package org.senderguard.application.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.senderguard.application.port.in.ListAlertsUseCase;
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.Page;
import org.senderguard.application.port.in.ReadAuditLogUseCase;
import org.senderguard.application.port.in.TimeCursor;
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
        return page(query, (at, id) -> alerts.findByTenant(query.tenantId(), at, id, query.limit() + 1),
                a -> new TimeCursor(a.createdAt(), a.id()));
    }

    @Override
    public Page<AuditRecord> listAudit(ListQuery query) {
        return page(query, (at, id) -> audit.findByTenant(query.tenantId(), at, id, query.limit() + 1),
                r -> new TimeCursor(r.at(), r.id()));
    }

    /** Fetches one more than the page holds, to know whether there is a next page. */
    private static <T> Page<T> page(ListQuery query, BiFunction<Instant, UUID, List<T>> fetch,
                                    Function<T, TimeCursor> cursorOf) {
        TimeCursor cursor = query.cursor() == null ? null : TimeCursor.parse(query.cursor());
        List<T> found = cursor == null ? fetch.apply(null, null) : fetch.apply(cursor.at(), cursor.id());
        List<T> items = found.stream().limit(query.limit()).toList();
        return new Page<>(items, found.size() > query.limit() ? cursorOf.apply(items.get(items.size() - 1)).encode()
                : null);
    }
}
