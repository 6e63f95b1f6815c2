package org.senderguard.adapters.rest.restricted;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.ListRestrictedUsersUseCase;
import org.senderguard.application.port.in.RestrictedUsersQuery;
import org.senderguard.application.port.in.UnblockCommand;
import org.senderguard.application.port.in.UnblockUserUseCase;
import org.senderguard.domain.common.EmailAddress;

@Controller("/api/v1/restricted-users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.GLOBAL_ADMIN, Roles.SECURITY_READER})
public class RestrictedUserController {

    private final ListRestrictedUsersUseCase listRestrictedUsers;
    private final UnblockUserUseCase unblockUser;

    public RestrictedUserController(ListRestrictedUsersUseCase listRestrictedUsers, UnblockUserUseCase unblockUser) {
        this.listRestrictedUsers = listRestrictedUsers;
        this.unblockUser = unblockUser;
    }

    @Get
    @Operation(summary = "Users restricted from sending, by address; filter by address prefix, page with the cursor")
    public PageResponse<RestrictedUserResponse> list(@Nullable @QueryValue String prefix,
                                                     @Nullable @QueryValue String cursor,
                                                     @Nullable @QueryValue Integer limit,
                                                     Authentication authentication) {
        return PageResponse.from(listRestrictedUsers.list(new RestrictedUsersQuery(
                ListQuery.of(CallerAuthentication.caller(authentication).tenantId(), cursor, limit), prefix)),
                RestrictedUserResponse::from);
    }

    /**
     * A pattern rather than {@code {+address}}: a plain variable refuses characters addresses may
     * have ({@code ' +}), and the OpenAPI generator cannot write a reserved expansion.
     */
    @Get("/{address:[^/]+}")
    @Operation(summary = "One restricted user; the address raw or percent-encoded; 404 when not restricted")
    public RestrictedUserResponse get(@PathVariable String address, HttpRequest<?> request,
                                      Authentication authentication) {
        return RestrictedUserResponse.from(listRestrictedUsers.get(CallerAuthentication.caller(authentication)
                .tenantId(), EmailAddress.parse("address", AddressInPath.of(request))));
    }

    @Post("/{address:[^/]+}/unblock")
    @Secured(Roles.GLOBAL_ADMIN)
    @Operation(summary = "Unblock a user: needs \"confirm\": true; past the unblock limit the answer is 409 "
            + "unblock-limit-reached and only Support can unblock")
    public RestrictedUserResponse unblock(@PathVariable String address, @Body UnblockRequest body,
                                          HttpRequest<?> request, Authentication authentication) {
        return RestrictedUserResponse.from(unblockUser.unblock(UnblockCommand.byAdmin(
                CallerAuthentication.caller(authentication).tenantId(), AddressInPath.of(request), body.confirm(),
                body.reason(), CallerAuthentication.actor(authentication))));
    }
}
