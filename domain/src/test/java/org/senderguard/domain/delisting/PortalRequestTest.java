package org.senderguard.domain.delisting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.senderguard.domain.common.EmailAddress;

class PortalRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final PortalRequest pending = PortalRequest.open(EmailAddress.of("bob@sender.example"), "203.0.113.7",
            PortalToken.generate(new SecureRandom()), "192.0.2.1", NOW);

    @Test
    void theLinkWorksFor24HoursAndNotAMomentLonger() {
        assertThat(pending.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(pending.isUsableAt(NOW)).isTrue();
        assertThat(pending.isUsableAt(NOW.plus(Duration.ofHours(24)).minusNanos(1000))).isTrue();
        assertThat(pending.isUsableAt(NOW.plus(Duration.ofHours(24)))).isFalse();
    }

    @Test
    void aPendingRequestPastItsExpiryShowsAsExpired() {
        assertThat(pending.statusAt(NOW)).isEqualTo(PortalRequestStatus.PENDING);
        assertThat(pending.statusAt(pending.expiresAt())).isEqualTo(PortalRequestStatus.EXPIRED);
    }

    @Test
    void aCompletedRequestIsUsedUp() {
        PortalRequest completed = new PortalRequest(pending.id(), pending.address(), pending.ip(),
                pending.tokenHash(), pending.clientIp(), PortalRequestStatus.COMPLETED, NOW, pending.expiresAt(),
                NOW.plusSeconds(60), "removed ip 203.0.113.7");
        assertThat(completed.isUsableAt(NOW.plusSeconds(120))).isFalse();
        assertThat(completed.statusAt(completed.expiresAt().plusSeconds(1))).isEqualTo(PortalRequestStatus.COMPLETED);
    }

    @Test
    void expiredIsNeverStored() {
        assertThatThrownBy(() -> new PortalRequest(pending.id(), pending.address(), pending.ip(), pending.tokenHash(),
                pending.clientIp(), PortalRequestStatus.EXPIRED, NOW, pending.expiresAt(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
