package org.senderguard.domain.outbound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.UtcDay;
import org.senderguard.domain.tenant.TenantId;

/**
 * One user's standing as a sender: a restriction if any, the rest-of-day grace after an unblock,
 * the day the "limit exceeded" alert was last raised (it is raised once per user per day), and
 * what the user has sent lately.
 */
public record SenderStatus(TenantId tenantId, EmailAddress address, Restriction restriction, Instant graceUntil,
                           LocalDate limitAlertDay, SendingTally tally) {

    public SenderStatus {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tally, "tally");
    }

    public static SenderStatus unrestricted(TenantId tenantId, EmailAddress address) {
        return new SenderStatus(tenantId, address, null, null, null, SendingTally.EMPTY);
    }

    public Optional<Restriction> restrictionAt(Instant now) {
        return Optional.ofNullable(restriction).filter(r -> r.isActiveAt(now));
    }

    public boolean isRestrictedAt(Instant now) {
        return restrictionAt(now).isPresent();
    }

    /**
     * After an admin lifted a restriction the user is not restricted again that day: a
     * {@code BLOCK_USER} one as the SPEC says, and a {@code BLOCK_USER_FOR_TODAY} one, which would
     * otherwise come back with the next message (the hour's count is still over the limit) and
     * leave the unblock spent for nothing.
     */
    public boolean inGraceAt(Instant now) {
        return graceUntil != null && now.isBefore(graceUntil);
    }

    public SenderStatus restrictedBy(Restriction newRestriction) {
        return new SenderStatus(tenantId, address, newRestriction, graceUntil, limitAlertDay, tally);
    }

    public SenderStatus unblockedAt(Instant now) {
        Instant grace = restriction != null ? UtcDay.nextMidnight(now) : graceUntil; // a restriction never ALERTs
        return new SenderStatus(tenantId, address, null, grace, limitAlertDay, tally);
    }

    public boolean limitAlertDueOn(LocalDate day) {
        return !day.equals(limitAlertDay);
    }

    public SenderStatus limitAlertRaisedOn(LocalDate day) {
        return new SenderStatus(tenantId, address, restriction, graceUntil, day, tally);
    }

    /** This status with a message counted at {@code now}. */
    public SenderStatus counting(MessageWeight message, Instant now) {
        return new SenderStatus(tenantId, address, restriction, graceUntil, limitAlertDay, tally.plus(message, now));
    }

    /** Whether {@code other} differs from this status in its tally alone. */
    public boolean differsOnlyInTally(SenderStatus other) {
        return equals(new SenderStatus(other.tenantId, other.address, other.restriction, other.graceUntil,
                other.limitAlertDay, tally));
    }
}
