package org.senderguard.adapters.rest.delisting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import org.senderguard.adapters.rest.PageResponse;
import org.senderguard.adapters.rest.Roles;
import org.senderguard.adapters.rest.security.CallerAuthentication;
import org.senderguard.application.port.in.ListDelistingRequestsUseCase;
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.RequestDelistingCommand;
import org.senderguard.application.port.in.RequestDelistingUseCase;

@Controller("/api/v1/delisting-requests")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.GLOBAL_ADMIN)
public class DelistingRequestController {

    private final RequestDelistingUseCase request;
    private final ListDelistingRequestsUseCase list;

    public DelistingRequestController(RequestDelistingUseCase request, ListDelistingRequestsUseCase list) {
        this.request = request;
        this.list = list;
    }

    @Post
    @Operation(summary = "Delist a value. SERVICE: take one of your own domains that spam put on the service list "
            + "off it (limited like unblocks: 409 delisting-limit-reached names Support). A third-party list: record "
            + "that you asked it, followed until a check finds the value off it (asked again while pending: 409 "
            + "delisting-already-requested)")
    public HttpResponse<DelistingRequestResponse> request(@Body DelistingRequestBody body,
                                                          Authentication authentication) {
        return HttpResponse.created(DelistingRequestResponse.from(request.request(new RequestDelistingCommand(
                CallerAuthentication.caller(authentication).tenantId(), body.list(), body.value(), body.reason(),
                CallerAuthentication.actor(authentication)))));
    }

    @Get
    @Operation(summary = "The tenant's delisting requests, newest first")
    public PageResponse<DelistingRequestResponse> list(@Nullable @QueryValue String cursor,
                                                       @Nullable @QueryValue Integer limit,
                                                       Authentication authentication) {
        return PageResponse.from(list.list(ListQuery.of(CallerAuthentication.caller(authentication).tenantId(),
                cursor, limit)), DelistingRequestResponse::from);
    }
}
