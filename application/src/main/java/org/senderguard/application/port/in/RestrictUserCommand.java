package org.senderguard.application.port.in;

import java.util.Objects;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.tenant.TenantName;

/** Support restricts a user by hand: a mailbox ({@code user+tag@} names {@code user@}) with its subaddresses. */
public record RestrictUserCommand(TenantName tenant, EmailAddress user, String reason, Actor actor) {

    public RestrictUserCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(actor, "actor");
        user = user.mailbox();
        reason = FreeText.required("reason", reason, BlockListEntryDraft.MAX_REASON,
                "say why the user is restricted (1-" + BlockListEntryDraft.MAX_REASON + " characters)");
    }
}
