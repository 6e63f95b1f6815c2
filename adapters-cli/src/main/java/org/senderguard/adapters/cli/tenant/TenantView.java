package org.senderguard.adapters.cli.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.senderguard.adapters.cli.Table;
import org.senderguard.domain.tenant.Tenant;

/** A tenant as the CLI prints it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TenantView(String id, String name, List<String> domains, int unblockLimit, int unblockWindowDays,
                         int blockListLimit, boolean checkThirdPartyLists, Instant createdAt) {

    static TenantView from(Tenant tenant) {
        return new TenantView(tenant.id().toString(), tenant.name().value(), tenant.domains().values(),
                tenant.settings().unblockLimit(), tenant.settings().unblockWindowDays(),
                tenant.settings().blockListLimit(), tenant.settings().checkThirdPartyLists(), tenant.createdAt());
    }

    Table toFields() {
        return Table.ofFields("name", name, "id", id, "domains", String.join(", ", domains),
                "unblockLimit", unblockLimit, "unblockWindowDays", unblockWindowDays,
                "blockListLimit", blockListLimit, "checkThirdPartyLists", checkThirdPartyLists,
                "createdAt", createdAt);
    }
}
