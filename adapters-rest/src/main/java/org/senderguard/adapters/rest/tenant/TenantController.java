package org.senderguard.adapters.rest.tenant;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import org.senderguard.adapters.rest.security.CallerAuthentication;
import org.senderguard.application.port.in.Caller;
import org.senderguard.application.port.in.FindTenantUseCase;

@Controller("/api/v1/tenant")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TenantController {

    private final FindTenantUseCase findTenant;

    public TenantController(FindTenantUseCase findTenant) {
        this.findTenant = findTenant;
    }

    @Get
    @Operation(summary = "The calling key's tenant: name, accepted domains, settings, and the key's role")
    public TenantResponse get(Authentication authentication) {
        Caller caller = CallerAuthentication.caller(authentication);
        return TenantResponse.from(findTenant.byId(caller.tenantId()), caller.role());
    }
}
