package org.senderguard.adapters.rest.reputation;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.senderguard.application.port.in.ThirdPartyCatalogUseCase;

@Controller("/api/v1/third-party-lists")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ThirdPartyListController {

    private final ThirdPartyCatalogUseCase catalog;

    public ThirdPartyListController(ThirdPartyCatalogUseCase catalog) {
        this.catalog = catalog;
    }

    @Get
    @Operation(summary = "The catalog of third-party block lists: what each lists, its DNS zone, how its answers "
            + "decode, and where to ask for delisting")
    public List<ThirdPartyListResponse> lists() {
        return catalog.lists().stream().map(ThirdPartyListResponse::from).toList();
    }
}
