package org.senderguard.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.alert.AlertMail;
import org.senderguard.domain.tenant.TenantId;

/**
 * Stored alerts, and the outbox of their mail: a pending alert's mail is due at a time; an instance
 * claims it before asking the relay, so that one instance sends it, and another takes it over if
 * the claim runs out unanswered.
 */
public interface AlertRepository {

    void insert(Alert alert);

    /** Newest first; with {@code before}, only those older than that alert. */
    List<Alert> findByTenant(TenantId tenantId, UUID before, int limit);

    /** Alerts whose mail is pending and due at {@code now}, longest due first. */
    List<Alert> mailDue(Instant now, int limit);

    /**
     * Counts an attempt to send the alert's mail and keeps it from others until {@code until}, if its
     * mail is still pending, due at {@code now} and tried as often as {@code alert} says.
     *
     * @return whether this caller is now the one to send it
     */
    boolean claimMail(Alert alert, Instant now, Instant until);

    /**
     * The attempt ended: the mail is {@code state} for good, or pending again from {@code retryAt}
     * (null otherwise). Recorded only if the mail is still pending after {@code attempts} attempts.
     *
     * @return false when it is not: another instance took the mail over once this one's claim ran out
     */
    boolean mailAttempted(UUID alertId, int attempts, AlertMail.State state, Instant retryAt);
}
