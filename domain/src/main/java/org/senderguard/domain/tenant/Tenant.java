package org.senderguard.domain.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;

/** An organisation using the service, with the domains it owns and its settings. */
public record Tenant(TenantId id, TenantName name, AcceptedDomains domains, TenantSettings settings, Instant createdAt) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domains, "domains");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Tenant create(TenantName name, AcceptedDomains domains, Instant now) {
        return new Tenant(TenantId.newId(), name, domains, TenantSettings.DEFAULTS, now);
    }

    public Tenant withDomains(AcceptedDomains newDomains) {
        return new Tenant(id, name, newDomains, settings, createdAt);
    }

    public Tenant withSettings(TenantSettings newSettings) {
        return new Tenant(id, name, domains, newSettings, createdAt);
    }

    /** As the audit log shows it. */
    public String describe() {
        return name + "; accepted domains " + domains.domains().stream().map(Object::toString)
                .collect(Collectors.joining(", ")) + "; " + settings.unblockLimit() + " unblocks per "
                + settings.unblockWindowDays() + " days; at most " + settings.blockListLimit()
                + " block-list entries per type; third-party checks " + (settings.checkThirdPartyLists() ? "on" : "off");
    }
}
