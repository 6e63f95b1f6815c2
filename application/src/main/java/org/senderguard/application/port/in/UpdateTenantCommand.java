package org.senderguard.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.tenant.AcceptedDomains;
import org.senderguard.domain.tenant.TenantName;

/** Changes some of a tenant's settings; an empty field keeps its current value. */
public record UpdateTenantCommand(TenantName name, Optional<Integer> unblockLimit, Optional<Integer> unblockWindowDays,
                                  Optional<Integer> blockListLimit, Optional<Boolean> checkThirdPartyLists,
                                  Optional<AcceptedDomains> domains, Actor actor) {

    public UpdateTenantCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unblockLimit, "unblockLimit");
        Objects.requireNonNull(unblockWindowDays, "unblockWindowDays");
        Objects.requireNonNull(blockListLimit, "blockListLimit");
        Objects.requireNonNull(checkThirdPartyLists, "checkThirdPartyLists");
        Objects.requireNonNull(domains, "domains");
        Objects.requireNonNull(actor, "actor");
    }

    /** From raw input: nulls and an empty domain list mean "unchanged". */
    public static UpdateTenantCommand of(String name, Integer unblockLimit, Integer unblockWindowDays,
                                         Integer blockListLimit, Boolean checkThirdPartyLists, List<String> domains,
                                         Actor actor) {
        return new UpdateTenantCommand(TenantName.parse(name), Optional.ofNullable(unblockLimit),
                Optional.ofNullable(unblockWindowDays), Optional.ofNullable(blockListLimit),
                Optional.ofNullable(checkThirdPartyLists),
                domains == null || domains.isEmpty() ? Optional.empty() : Optional.of(AcceptedDomains.parse(domains)),
                actor);
    }
}
