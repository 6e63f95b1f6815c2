package org.senderguard.domain.delisting;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.senderguard.domain.apikey.SecretHash;
import org.senderguard.domain.common.EmailAddress;

/**
 * An external sender's request, through the delist portal, to delist one IP address and one email
 * address. It is confirmed by following a single-use link mailed to that address, within
 * {@link #LINK_VALIDITY}. {@code outcome} says what came of it; null until then.
 */
public record PortalRequest(UUID id, EmailAddress address, String ip, SecretHash tokenHash, String clientIp,
                            PortalRequestStatus status, Instant requestedAt, Instant expiresAt, Instant completedAt,
                            String outcome) {

    public static final Duration LINK_VALIDITY = Duration.ofHours(24);

    public PortalRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (status == PortalRequestStatus.EXPIRED) {
            throw new IllegalArgumentException("EXPIRED is derived, never stored");
        }
    }

    /** A new request whose link is valid for {@link #LINK_VALIDITY} from {@code now}. */
    public static PortalRequest open(EmailAddress address, String ip, PortalToken token, String clientIp,
                                     Instant now) {
        return new PortalRequest(UUID.randomUUID(), address, ip, token.hash(), clientIp, PortalRequestStatus.PENDING,
                now, now.plus(LINK_VALIDITY), null, null);
    }

    /** The link can still be used: not used yet, and not past its expiry. */
    public boolean isUsableAt(Instant now) {
        return status == PortalRequestStatus.PENDING && now.isBefore(expiresAt);
    }

    /** The status as of {@code now}: a pending request past its expiry is {@code EXPIRED}. */
    public PortalRequestStatus statusAt(Instant now) {
        return status == PortalRequestStatus.PENDING && !now.isBefore(expiresAt) ? PortalRequestStatus.EXPIRED
                : status;
    }
}
