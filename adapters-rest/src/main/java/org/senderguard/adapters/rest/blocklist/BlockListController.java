package org.senderguard.adapters.rest.blocklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.senderguard.adapters.rest.PageResponse;
import org.senderguard.adapters.rest.Roles;
import org.senderguard.adapters.rest.security.CallerAuthentication;
import org.senderguard.application.port.in.AddBlockListEntriesCommand;
import org.senderguard.application.port.in.AddBlockListEntriesUseCase;
import org.senderguard.application.port.in.BlockListEntryDraft;
import org.senderguard.application.port.in.BlockListQuery;
import org.senderguard.application.port.in.ListBlockListEntriesUseCase;
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.RemoveBlockListEntryUseCase;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.Ids;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

/** The calling tenant's own block list. */
@Controller("/api/v1/block-list/entries")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.GLOBAL_ADMIN)
public class BlockListController {

    private static final String DEFAULT_REASON = "blocked by the organization's admin";

    private final AddBlockListEntriesUseCase add;
    private final RemoveBlockListEntryUseCase remove;
    private final ListBlockListEntriesUseCase list;

    public BlockListController(AddBlockListEntriesUseCase add, RemoveBlockListEntryUseCase remove,
                               ListBlockListEntriesUseCase list) {
        this.add = add;
        this.remove = remove;
        this.list = list;
    }

    @Get
    @Secured({Roles.GLOBAL_ADMIN, Roles.SECURITY_READER})
    @Operation(summary = "The tenant's active block-list entries, newest first; filter by type and value prefix, "
            + "page with the cursor")
    public PageResponse<BlockListEntryResponse> list(@Nullable @QueryValue String type,
                                                     @Nullable @QueryValue String prefix,
                                                     @Nullable @QueryValue String cursor,
                                                     @Nullable @QueryValue Integer limit,
                                                     Authentication authentication) {
        return PageResponse.from(list.list(new BlockListQuery(ListQuery.of(tenant(authentication), cursor, limit),
                type == null || type.isBlank() ? null : BlockListEntryDraft.parseType("type", type), prefix)),
                BlockListEntryResponse::from);
    }

    @Post
    @Operation(summary = "Add values of one type: 201 with the entries created and every rejected value with the "
            + "reason; 400 when no value could be added")
    public HttpResponse<AddEntriesResponse> add(@Body AddEntriesRequest body, Authentication authentication) {
        if (body.type() == null) {
            throw new InvalidValueException("type", "one of SENDER, DOMAIN, URL, IP is required");
        }
        var draft = new BlockListEntryDraft(BlockListEntryDraft.parseType("type", body.type()),
                body.reason() == null ? DEFAULT_REASON : body.reason(),
                BlockListEntryDraft.parseExpiry("expiresAt", body.expiresAt()), Boolean.TRUE.equals(body.noExpiration()),
                body.notes(), false);
        return HttpResponse.created(AddEntriesResponse.from(add.add(new AddBlockListEntriesCommand(
                tenant(authentication), body.values(), draft, EntrySource.MANUAL,
                CallerAuthentication.actor(authentication)))));
    }

    @Delete("/{id}")
    @Operation(summary = "Remove an entry of the tenant's list")
    public HttpResponse<Void> delete(@PathVariable String id, Authentication authentication) {
        remove.remove(tenant(authentication), parseId(id), CallerAuthentication.actor(authentication));
        return HttpResponse.noContent();
    }

    private static TenantId tenant(Authentication authentication) {
        return CallerAuthentication.caller(authentication).tenantId();
    }

    private static UUID parseId(String id) {
        return Ids.parse(id).orElseThrow(() -> new InvalidValueException("id", FreeText.quoted(id) + " is not an entry id"));
    }
}
