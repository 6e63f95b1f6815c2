package org.senderguard.application.port.in;

import java.util.Objects;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantName;

/** Support restricts a user by hand. */
public record RestrictUserCommand(TenantName tenant, EmailAddress user, String reason, Actor actor) {

    public RestrictUserCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(actor, "actor");
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidValueException("reason", "say why the user is restricted (1-1000 characters)");
        }
    }
}
