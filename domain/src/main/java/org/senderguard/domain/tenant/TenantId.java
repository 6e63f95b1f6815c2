package org.senderguard.domain.tenant;

import java.util.Objects;
import java.util.UUID;

/** The stable identity of a tenant; its name can be shown, this is what other records point to. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId newId() {
        return new TenantId(UUID.randomUUID());
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
