package org.senderguard.domain.tenant;

import java.time.Instant;
import java.util.Objects;

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
}
