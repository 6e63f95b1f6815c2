package org.senderguard.domain.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.tenant.TenantId;

/** Something an admin must know, e.g. that a user was restricted; stored, listed and emailed. */
public record Alert(UUID id, TenantId tenantId, AlertKind kind, EmailAddress user, String detail,
                    List<EmailAddress> recipients, Instant createdAt, AlertMail mail) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(detail, "detail");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(mail, "mail");
    }

    public static Alert raise(TenantId tenantId, AlertKind kind, EmailAddress user, String detail,
                              List<EmailAddress> recipients, Instant now) {
        return new Alert(UUID.randomUUID(), tenantId, kind, user, detail, recipients, now,
                AlertMail.forNew(!recipients.isEmpty()));
    }
}
