package org.senderguard.domain.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.tenant.AcceptedDomains;

/** The outbound rules of mail flow, each on its own. */
class MailFlowRulesTest {

    private static final AcceptedDomains CONTOSO = AcceptedDomains.parse(List.of("contoso.com"));

    @Test
    void onlyAcceptedDomainsAndTheirSubdomainsMaySend() {
        assertThat(SenderDomainRule.check(CONTOSO, EmailAddress.of("a@contoso.com"))).isEmpty();
        assertThat(SenderDomainRule.check(CONTOSO, EmailAddress.of("a@eu.contoso.com"))).isEmpty();
        var refused = SenderDomainRule.check(CONTOSO, EmailAddress.of("a@notcontoso.com")).orElseThrow();
        assertThat(refused.reply().toString()).isEqualTo(
                "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains");
        assertThat(refused.ndr().text()).contains("notcontoso.com");
    }

    @Test
    void blockedRecipientsAreNamedAllTogether() {
        Set<String> blocked = Set.of("x@fabrikam.com", "z@fabrikam.com");
        List<EmailAddress> recipients = List.of(EmailAddress.of("x@fabrikam.com"), EmailAddress.of("y@fabrikam.com"),
                EmailAddress.of("z@fabrikam.com"));
        var refused = BlockedRecipientsRule.check(recipients, r -> blocked.contains(r.value())).orElseThrow();
        assertThat(refused.reply().enhancedCode()).isEqualTo("5.7.703");
        assertThat(refused.reply().text()).contains("messages to x@fabrikam.com, z@fabrikam.com are blocked");
        assertThat(BlockedRecipientsRule.check(recipients, r -> false)).isEmpty();
    }

    @Test
    void recipientsWeighInternalOrExternalAndUnnamedOnesAsExternal() {
        List<EmailAddress> recipients = List.of(EmailAddress.of("a@contoso.com"), EmailAddress.of("b@eu.contoso.com"),
                EmailAddress.of("c@fabrikam.com"));
        assertThat(MessageWeight.of(CONTOSO, recipients, 0, false)).isEqualTo(new MessageWeight(1, 2, 0));
        assertThat(MessageWeight.of(CONTOSO, recipients, 4, true)).isEqualTo(new MessageWeight(5, 2, 1));
        assertThat(MessageWeight.of(CONTOSO, List.of(), 0, true)).as("a verdict alone")
                .isEqualTo(new MessageWeight(0, 0, 1));
    }

    @Test
    void theHighRiskPoolTakesSpamAndUnscannedMailOfSendersWithSpamThisHour() {
        SendingUsage spamThisHour = new SendingUsage(0, 0, 0, 1);
        assertThat(HighRiskPool.routes(Verdict.SPAM, SendingUsage.NONE)).isTrue();
        assertThat(HighRiskPool.routes(Verdict.CLEAN, spamThisHour)).as("a known clean verdict").isFalse();
        assertThat(HighRiskPool.routes(null, spamThisHour)).isTrue();
        assertThat(HighRiskPool.routes(null, SendingUsage.NONE)).isFalse();
    }
}
