package org.senderguard.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.tenant.TenantId;

class AlertMailTest {

    private static final Instant RAISED = Instant.parse("2026-05-04T12:00:00Z");

    @Test
    void pausesDoubleFromAMinuteToAnHourAndEndADayAfterTheAlert() {
        List<Duration> pauses = new ArrayList<>();
        Instant now = RAISED;
        for (int attempts = 1; ; attempts++) {
            Optional<Instant> next = AlertMail.retryAt(RAISED, attempts, now);
            if (next.isEmpty()) {
                break;
            }
            pauses.add(Duration.between(now, next.get()));
            now = next.get();
        }
        assertThat(pauses).startsWith(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1));
        assertThat(pauses.subList(6, pauses.size())).containsOnly(Duration.ofHours(1));
        assertThat(now).isBetween(RAISED.plus(Duration.ofHours(23)), RAISED.plus(Duration.ofDays(1)));
        assertThat(AlertMail.retryAt(RAISED, 1_000, RAISED)).as("many attempts, no overflow")
                .contains(RAISED.plus(Duration.ofHours(1)));
    }

    @Test
    void aNewAlertsMailIsPendingOnlyWhenItHasRecipients() {
        EmailAddress admin = EmailAddress.parse("to", "admin@contoso.example");
        assertThat(Alert.raise(TenantId.newId(), AlertKind.USER_RESTRICTED, admin, "d", List.of(admin), RAISED).mail())
                .isEqualTo(new AlertMail(AlertMail.State.PENDING, 0));
        assertThat(Alert.raise(TenantId.newId(), AlertKind.USER_RESTRICTED, admin, "d", List.of(), RAISED).mail())
                .isEqualTo(new AlertMail(AlertMail.State.NONE, 0));
    }
}
