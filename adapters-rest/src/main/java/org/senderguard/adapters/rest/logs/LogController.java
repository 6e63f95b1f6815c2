package org.senderguard.adapters.rest.logs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import org.senderguard.adapters.rest.PageResponse;
import org.senderguard.adapters.rest.Roles;
import org.senderguard.adapters.rest.security.CallerAuthentication;
import org.senderguard.application.port.in.ListAlertsUseCase;
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.ReadAuditLogUseCase;

/** The tenant's alerts and audit log, newest first. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.GLOBAL_ADMIN, Roles.SECURITY_READER})
public class LogController {

    private final ListAlertsUseCase listAlerts;
    private final ReadAuditLogUseCase readAuditLog;

    public LogController(ListAlertsUseCase listAlerts, ReadAuditLogUseCase readAuditLog) {
        this.listAlerts = listAlerts;
        this.readAuditLog = readAuditLog;
    }

    @Get("/alerts")
    @Operation(summary = "Alerts such as 'User restricted from sending email', newest first")
    public PageResponse<AlertResponse> alerts(@Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit,
                                              Authentication authentication) {
        return PageResponse.from(listAlerts.list(query(authentication, cursor, limit)), AlertResponse::from);
    }

    @Get("/audit-log")
    @Operation(summary = "Every change to the tenant: who did what to what, when, before and after; newest first")
    public PageResponse<AuditRecordResponse> auditLog(@Nullable @QueryValue String cursor,
                                                      @Nullable @QueryValue Integer limit,
                                                      Authentication authentication) {
        return PageResponse.from(readAuditLog.listAudit(query(authentication, cursor, limit)),
                AuditRecordResponse::from);
    }

    private static ListQuery query(Authentication authentication, String cursor, Integer limit) {
        return ListQuery.of(CallerAuthentication.caller(authentication).tenantId(), cursor, limit);
    }
}
