package org.senderguard.application.port.in;

import java.util.Objects;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

/**
 * Lift a user's restriction. Admins must confirm explicitly; only Support (an operator) may
 * override the unblock limit. {@code user+tag@} names {@code user@}, whose subaddresses are
 * restricted with it (unless {@code user+tag@} itself is restricted, from before they were).
 */
public record UnblockCommand(TenantId tenantId, EmailAddress user, String reason, Actor actor, boolean overrideLimit) {

    public UnblockCommand {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(actor, "actor");
        reason = FreeText.required("reason", reason, BlockListEntryDraft.MAX_REASON,
                "say why the user may send again (1-" + BlockListEntryDraft.MAX_REASON + " characters)");
        if (overrideLimit && !actor.isOperator()) {
            throw new IllegalArgumentException("only an operator may override the unblock limit");
        }
    }

    /** An admin's unblock through the API: refused unless {@code confirm} is true. */
    public static UnblockCommand byAdmin(TenantId tenantId, String user, Boolean confirm, String reason, Actor actor) {
        if (!Boolean.TRUE.equals(confirm)) {
            throw new InvalidValueException("confirmation-required", "confirm",
                    "unblocking must be confirmed explicitly: send \"confirm\": true");
        }
        return new UnblockCommand(tenantId, EmailAddress.parse("address", user), reason, actor, false);
    }
}
