package org.senderguard.domain.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

class PolicyTest {

    private final TenantId tenant = TenantId.newId();

    @Test
    void zeroMeansTheServiceDefault() {
        SendingLimits limits = new SendingLimits(0, 0, 0, 0);
        assertThat(limits.externalPerHour()).isEqualTo(500);
        assertThat(limits.internalPerHour()).isEqualTo(1000);
        assertThat(limits.perDay()).isEqualTo(1000);
        assertThat(limits.spamPerHour()).isEqualTo(10);
        assertThat(new SendingLimits(7, 8, 9, 3).externalPerHour()).isEqualTo(7);
    }

    @Test
    void limitsAreBoundedAndNamed() {
        assertThatThrownBy(() -> new SendingLimits(10_001, 0, 0, 0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("recipientLimitExternalPerHour: must be between 0 and 10000");
        assertThatThrownBy(() -> new SendingLimits(0, 0, -1, 0)).hasMessageStartingWith("recipientLimitPerDay:");
    }

    @Test
    void theMessageThatWouldExceedALimitTripsIt() {
        SendingLimits limits = new SendingLimits(10, 20, 25, 2);
        assertThat(limits.exceededBy(new SendingUsage(4, 0, 4, 0), new MessageWeight(6, 0, 0))).isEmpty();
        assertThat(limits.exceededBy(new SendingUsage(4, 0, 4, 0), new MessageWeight(7, 0, 0)))
                .contains(Limit.EXTERNAL_RECIPIENTS_PER_HOUR);
        assertThat(limits.exceededBy(new SendingUsage(0, 20, 20, 0), new MessageWeight(0, 1, 0)))
                .contains(Limit.INTERNAL_RECIPIENTS_PER_HOUR);
        assertThat(limits.exceededBy(new SendingUsage(5, 5, 24, 0), new MessageWeight(1, 1, 0)))
                .contains(Limit.RECIPIENTS_PER_DAY);
        assertThat(limits.exceededBy(new SendingUsage(0, 0, 0, 2), new MessageWeight(1, 0, 1)))
                .contains(Limit.SPAM_MESSAGES_PER_HOUR);
        assertThat(limits.exceededBy(new SendingUsage(0, 0, 0, 2), new MessageWeight(1, 0, 0))).isEmpty();
    }

    @Test
    void conditionsOrWithinAndAcross() {
        SenderConditions conditions = SenderConditions.parse(List.of("ceo@contoso.com", "cfo@fabrikam.com"),
                List.of("contoso.com"), List.of("intern@contoso.com"));
        assertThat(conditions.matches(address("ceo@contoso.com"))).isTrue();
        assertThat(conditions.matches(address("cfo@fabrikam.com"))).as("domain condition fails").isFalse();
        assertThat(SenderConditions.parse(List.of(), List.of("contoso.com"), List.of("intern@contoso.com"))
                .matches(address("someone@eu.contoso.com"))).as("subdomain").isTrue();
        assertThat(SenderConditions.parse(List.of(), List.of("contoso.com"), List.of("intern@contoso.com"))
                .matches(address("intern@contoso.com"))).as("excluded").isFalse();
    }

    /** Accounts are mailboxes (their subaddresses share their limits), and so are the senders a policy names. */
    @Test
    void aPolicysSendersAreMailboxes() {
        SenderConditions conditions = SenderConditions.parse(List.of("news+promo@contoso.com", "ceo@contoso.com"),
                List.of(), List.of("ceo+private@contoso.com"));
        assertThat(conditions.senders()).containsExactly(address("ceo@contoso.com"), address("news@contoso.com"));
        assertThat(conditions.matches(address("news@contoso.com"))).isTrue();
        assertThat(conditions.matches(address("ceo@contoso.com"))).as("its mailbox excluded").isFalse();
    }

    @Test
    void theFirstEnabledMatchingPolicyByPriorityWins() {
        OutboundSpamPolicy fallback = OutboundSpamPolicy.defaultFor(tenant);
        OutboundSpamPolicy vip = custom("vip", 0, true, List.of("ceo@contoso.com"));
        OutboundSpamPolicy sales = custom("sales", 5, true, List.of("ceo@contoso.com", "rep@contoso.com"));
        OutboundSpamPolicy off = custom("off", 1, false, List.of("rep@contoso.com"));
        OutboundSpamPolicies policies = new OutboundSpamPolicies(List.of(fallback, sales, off, vip));

        assertThat(policies.forSender(address("ceo@contoso.com"))).isEqualTo(vip);
        assertThat(policies.forSender(address("rep@contoso.com"))).isEqualTo(sales);
        assertThat(policies.forSender(address("anyone@contoso.com"))).isEqualTo(fallback);
    }

    @Test
    void customPoliciesMustSelectSendersAndTheDefaultCannotBeNarrowedOrDisabled() {
        assertThatThrownBy(() -> custom("none", 1, true, List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("senders:");
        OutboundSpamPolicy fallback = OutboundSpamPolicy.defaultFor(tenant);
        assertThatThrownBy(() -> fallback.changedTo(new PolicySettings("Narrowed", 3, false, SendingLimits.DEFAULTS,
                ThresholdAction.ALERT, List.of(), SenderConditions.parse(List.of("x@contoso.com"), List.of(), List.of()))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("applies to every sender");
        assertThat(fallback.changedTo(new PolicySettings("Renamed", 3, true, SendingLimits.DEFAULTS,
                ThresholdAction.ALERT, List.of(), SenderConditions.EVERYONE)).priority())
                .as("the default comes last whatever it is given").isEqualTo(fallback.priority());
        assertThatThrownBy(() -> fallback.changedTo(new PolicySettings("Renamed", 0, false, SendingLimits.DEFAULTS,
                ThresholdAction.ALERT, List.of(), SenderConditions.EVERYONE)))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("enabled: the default policy");
        OutboundSpamPolicy changed = fallback.changedTo(new PolicySettings("Renamed", 0, true,
                new SendingLimits(5, 0, 0, 0), ThresholdAction.ALERT, List.of(), SenderConditions.EVERYONE));
        assertThat(changed.isDefault()).isTrue();
        assertThat(changed.limits().externalPerHour()).isEqualTo(5);
        assertThat(changed.enabled()).isTrue();
        assertThat(changed.name()).isEqualTo("Renamed");
        assertThat(changed.conditions()).isEqualTo(SenderConditions.EVERYONE);
    }

    private OutboundSpamPolicy custom(String name, int priority, boolean enabled, List<String> senders) {
        return new OutboundSpamPolicy(PolicyId.newId(), tenant, name, priority, enabled, false, SendingLimits.DEFAULTS,
                ThresholdAction.BLOCK_USER, List.of(), SenderConditions.parse(senders, List.of(), List.of()));
    }

    static EmailAddress address(String value) {
        return EmailAddress.parse("address", value);
    }
}
