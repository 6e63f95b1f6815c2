package org.senderguard.adapters.rest.policy;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.senderguard.adapters.rest.Roles;
import org.senderguard.adapters.rest.security.CallerAuthentication;
import org.senderguard.application.port.in.DeletePolicyUseCase;
import org.senderguard.application.port.in.FindPoliciesUseCase;
import org.senderguard.application.port.in.SavePolicyUseCase;
import org.senderguard.domain.outbound.PolicyId;
import org.senderguard.domain.tenant.TenantId;

@Controller("/api/v1/outbound-spam-policies")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.GLOBAL_ADMIN)
public class PolicyController {

    private final FindPoliciesUseCase findPolicies;
    private final SavePolicyUseCase savePolicy;
    private final DeletePolicyUseCase deletePolicy;

    public PolicyController(FindPoliciesUseCase findPolicies, SavePolicyUseCase savePolicy,
                            DeletePolicyUseCase deletePolicy) {
        this.findPolicies = findPolicies;
        this.savePolicy = savePolicy;
        this.deletePolicy = deletePolicy;
    }

    @Get
    @Secured({Roles.GLOBAL_ADMIN, Roles.SECURITY_READER})
    @Operation(summary = "The tenant's outbound spam policies in the order they apply, the default last")
    public List<PolicyResponse> list(Authentication authentication) {
        return findPolicies.list(tenant(authentication)).stream().map(PolicyResponse::from).toList();
    }

    @Get("/{id}")
    @Secured({Roles.GLOBAL_ADMIN, Roles.SECURITY_READER})
    public PolicyResponse get(String id, Authentication authentication) {
        return PolicyResponse.from(findPolicies.get(tenant(authentication), PolicyId.parse(id)));
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create a custom policy for some senders")
    public PolicyResponse create(@Body PolicyRequest policy, Authentication authentication) {
        return PolicyResponse.from(savePolicy.create(
                policy.toCommand(tenant(authentication), CallerAuthentication.actor(authentication))));
    }

    @Put("/{id}")
    @Operation(summary = "Replace a policy with the one given (the default policy keeps applying to everyone)")
    public PolicyResponse replace(String id, @Body PolicyRequest policy, Authentication authentication) {
        return PolicyResponse.from(savePolicy.replace(PolicyId.parse(id),
                policy.toCommand(tenant(authentication), CallerAuthentication.actor(authentication))));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete a custom policy; the default policy cannot be deleted (409)")
    public HttpResponse<Void> delete(String id, Authentication authentication) {
        deletePolicy.delete(tenant(authentication), PolicyId.parse(id), CallerAuthentication.actor(authentication));
        return HttpResponse.noContent();
    }

    private static TenantId tenant(Authentication authentication) {
        return CallerAuthentication.caller(authentication).tenantId();
    }
}
