package org.senderguard.adapters.rest.tenant;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.senderguard.domain.apikey.Role;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantSettings;

/** The calling key's tenant and the role the key grants. */
@Serdeable
public record TenantResponse(String name, List<String> acceptedDomains, Settings settings, String role) {

    @Serdeable
    public record Settings(int unblockLimit, int unblockWindowDays, int blockListLimit,
                           boolean checkThirdPartyLists) {

        static Settings from(TenantSettings settings) {
            return new Settings(settings.unblockLimit(), settings.unblockWindowDays(), settings.blockListLimit(),
                    settings.checkThirdPartyLists());
        }
    }

    static TenantResponse from(Tenant tenant, Role role) {
        return new TenantResponse(tenant.name().value(), tenant.domains().values(), Settings.from(tenant.settings()),
                role.name());
    }
}
