package org.senderguard.adapters.rest.blocklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import org.senderguard.adapters.rest.Roles;
import org.senderguard.adapters.rest.security.CallerAuthentication;
import org.senderguard.application.port.in.FindListingsUseCase;

@Controller("/api/v1/listings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.GLOBAL_ADMIN, Roles.SECURITY_READER})
public class ListingsController {

    private final FindListingsUseCase listings;

    public ListingsController(FindListingsUseCase listings) {
        this.listings = listings;
    }

    @Get
    @Operation(summary = "Where a value (IP address, email address, domain or URL) is listed: the service list's "
            + "and the tenant's matching entries, and each third-party list's answer")
    public ListingsResponse find(@Nullable @QueryValue String value, Authentication authentication) {
        return ListingsResponse.from(listings.find(CallerAuthentication.caller(authentication).tenantId(), value));
    }
}
