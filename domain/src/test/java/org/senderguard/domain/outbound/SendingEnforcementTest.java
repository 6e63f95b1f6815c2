package org.senderguard.domain.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.senderguard.domain.alert.AlertKind;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.mailflow.MailFlowAction;
import org.senderguard.domain.mailflow.Rejections;
import org.senderguard.domain.tenant.TenantId;

class SendingEnforcementTest {

    private static final Instant NOON = Instant.parse("2026-05-04T12:00:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-05-05T00:00:00Z");
    private final TenantId tenant = TenantId.newId();
    private final EmailAddress user = EmailAddress.parse("sender", "user@contoso.com");
    private final SenderStatus fresh = SenderStatus.unrestricted(tenant, user);
    private final SendingUsage nearLimit = new SendingUsage(9, 0, 9, 0);
    private final MessageWeight twoExternal = new MessageWeight(2, 0, 0);

    @Test
    void belowTheLimitsMailIsDeliveredAndCounted() {
        var outcome = SendingEnforcement.decide(fresh, policy(ThresholdAction.BLOCK_USER), SendingUsage.NONE,
                twoExternal, NOON);
        assertThat(outcome.decision().action()).isEqualTo(MailFlowAction.DELIVER);
        assertThat(outcome.counted()).isTrue();
        assertThat(outcome.alert()).isEmpty();
    }

    @Test
    void spamBelowTheLimitsGoesThroughTheHighRiskPool() {
        var outcome = SendingEnforcement.decide(fresh, policy(ThresholdAction.BLOCK_USER), SendingUsage.NONE,
                new MessageWeight(1, 0, 1), NOON);
        assertThat(outcome.decision().action()).isEqualTo(MailFlowAction.DELIVER_HIGH_RISK_POOL);
    }

    @Test
    void blockForTodayRejectsTheTrippingMessageAndLiftsAtMidnightUtc() {
        var outcome = SendingEnforcement.decide(fresh, policy(ThresholdAction.BLOCK_USER_FOR_TODAY), nearLimit,
                twoExternal, NOON);

        assertThat(outcome.decision().action()).isEqualTo(MailFlowAction.REJECT);
        assertThat(outcome.decision().reply()).isEqualTo(Rejections.RESTRICTED_SENDER);
        assertThat(outcome.decision().ndr().text()).contains("user@contoso.com").contains("change your password")
                .contains("forwarding and inbox rules").contains("malware").contains("restricted users list");
        assertThat(outcome.counted()).isFalse();
        assertThat(outcome.alert()).contains(AlertKind.USER_RESTRICTED);
        Restriction restriction = outcome.status().restrictionAt(NOON).orElseThrow();
        assertThat(restriction.until()).isEqualTo(MIDNIGHT);
        assertThat(restriction.reason()).isEqualTo("more than 10 external recipients in the last hour");

        assertThat(outcome.status().isRestrictedAt(MIDNIGHT.minusNanos(1000))).isTrue();
        assertThat(outcome.status().isRestrictedAt(MIDNIGHT)).isFalse();
    }

    @Test
    void whileRestrictedEveryMessageIsRejectedAndNotCounted() {
        SenderStatus restricted = fresh.restrictedBy(Restriction.manual("compromised account", NOON));
        var outcome = SendingEnforcement.decide(restricted, policy(ThresholdAction.ALERT), SendingUsage.NONE,
                twoExternal, NOON.plusSeconds(60));
        assertThat(outcome.decision().reply()).isEqualTo(Rejections.RESTRICTED_SENDER);
        assertThat(outcome.decision().ndr().text()).contains("compromised account");
        assertThat(outcome.counted()).isFalse();
        assertThat(outcome.alert()).isEmpty();
    }

    @Test
    void blockUserHoldsUntilUnblockedThenGivesTheRestOfTheDay() {
        var blocked = SendingEnforcement.decide(fresh, policy(ThresholdAction.BLOCK_USER), nearLimit, twoExternal, NOON);
        assertThat(blocked.status().restrictionAt(NOON.plusSeconds(86_400 * 3))).isPresent();

        SenderStatus unblocked = blocked.status().unblockedAt(NOON.plusSeconds(3600));
        var again = SendingEnforcement.decide(unblocked, policy(ThresholdAction.BLOCK_USER), nearLimit, twoExternal,
                NOON.plusSeconds(7200));
        assertThat(again.decision().action()).isEqualTo(MailFlowAction.DELIVER);
        assertThat(again.counted()).isTrue();

        var nextDay = SendingEnforcement.decide(again.status(), policy(ThresholdAction.BLOCK_USER), nearLimit,
                twoExternal, MIDNIGHT);
        assertThat(nextDay.decision().action()).isEqualTo(MailFlowAction.REJECT);
    }

    @Test
    void anUnblockBeforeABlockUserForTodayLiftsByItselfGivesTheRestOfTheDayToo() {
        var blocked = SendingEnforcement.decide(fresh, policy(ThresholdAction.BLOCK_USER_FOR_TODAY), nearLimit,
                twoExternal, NOON);
        assertThat(blocked.status().isRestrictedAt(NOON.plusSeconds(60))).isTrue();

        SenderStatus unblocked = blocked.status().unblockedAt(NOON.plusSeconds(3600));
        var again = SendingEnforcement.decide(unblocked, policy(ThresholdAction.BLOCK_USER_FOR_TODAY), nearLimit,
                twoExternal, NOON.plusSeconds(7200));
        assertThat(again.decision().action()).as("the hour's count still over the limit").isEqualTo(MailFlowAction.DELIVER);
        assertThat(again.status().isRestrictedAt(NOON.plusSeconds(7200))).isFalse();

        var nextDay = SendingEnforcement.decide(again.status(), policy(ThresholdAction.BLOCK_USER_FOR_TODAY), nearLimit,
                twoExternal, MIDNIGHT);
        assertThat(nextDay.decision().action()).isEqualTo(MailFlowAction.REJECT);
    }

    @Test
    void alertDeliversAndAlertsOncePerUserPerDay() {
        var first = SendingEnforcement.decide(fresh, policy(ThresholdAction.ALERT), nearLimit, twoExternal, NOON);
        assertThat(first.decision().action()).isEqualTo(MailFlowAction.DELIVER);
        assertThat(first.counted()).isTrue();
        assertThat(first.alert()).contains(AlertKind.SENDING_LIMIT_EXCEEDED);
        assertThat(first.alertDetail()).contains("more than 10 external recipients");

        var second = SendingEnforcement.decide(first.status(), policy(ThresholdAction.ALERT), nearLimit, twoExternal,
                NOON.plusSeconds(60));
        assertThat(second.alert()).isEmpty();

        var tomorrow = SendingEnforcement.decide(second.status(), policy(ThresholdAction.ALERT), nearLimit,
                twoExternal, MIDNIGHT.plusSeconds(1));
        assertThat(tomorrow.alert()).contains(AlertKind.SENDING_LIMIT_EXCEEDED);
    }

    @Test
    void tooMuchSpamRestrictsTheSameWay() {
        var outcome = SendingEnforcement.decide(fresh, policy(ThresholdAction.BLOCK_USER_FOR_TODAY),
                new SendingUsage(0, 0, 0, 3), new MessageWeight(1, 0, 1), NOON);
        assertThat(outcome.decision().action()).isEqualTo(MailFlowAction.REJECT);
        assertThat(outcome.status().restriction().limit()).isEqualTo(Limit.SPAM_MESSAGES_PER_HOUR);
    }

    private OutboundSpamPolicy policy(ThresholdAction action) {
        OutboundSpamPolicy base = OutboundSpamPolicy.defaultFor(tenant);
        return new OutboundSpamPolicy(base.id(), tenant, base.name(), base.priority(), true, true,
                new SendingLimits(10, 0, 0, 3), action, List.of(), base.conditions());
    }
}
