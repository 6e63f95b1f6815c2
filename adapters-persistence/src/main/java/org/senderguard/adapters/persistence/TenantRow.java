package org.senderguard.adapters.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;
import java.util.List;
import org.senderguard.domain.tenant.AcceptedDomains;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;
import org.senderguard.domain.tenant.TenantName;
import org.senderguard.domain.tenant.TenantSettings;
import org.senderguard.domain.common.DomainName;

@MappedEntity("tenant")
record TenantRow(@Id String id, String name, int unblockLimit, int unblockWindowDays, int blockListLimit,
                 boolean checkThirdPartyLists, LocalDateTime createdAt) {

    static TenantRow from(Tenant tenant) {
        TenantSettings s = tenant.settings();
        return new TenantRow(tenant.id().toString(), tenant.name().value(), s.unblockLimit(), s.unblockWindowDays(),
                s.blockListLimit(), s.checkThirdPartyLists(), UtcTime.toColumn(tenant.createdAt()));
    }

    Tenant toDomain(List<TenantDomainRow> domains) {
        return new Tenant(TenantId.of(id), new TenantName(name),
                AcceptedDomains.of(domains.stream().map(d -> new DomainName(d.domain())).toList()),
                new TenantSettings(unblockLimit, unblockWindowDays, blockListLimit, checkThirdPartyLists),
                UtcTime.fromColumn(createdAt));
    }
}
