package org.senderguard.application.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.outbound.BlockedRecipientsRule;
import org.senderguard.domain.outbound.SenderDomainRule;
import org.senderguard.domain.tenant.Tenant;

/**
 * The outbound rules that refuse mail before anything is counted, on what is held in memory: the
 * sender's domain must be the tenant's, and no recipient may be on the tenant's own list. The
 * decider applies them to whole messages, an MTA's recipient stage to each recipient.
 */
public class OutboundChecks {

    private final BlockLists blockLists;

    public OutboundChecks(BlockLists blockLists) {
        this.blockLists = blockLists;
    }

    /** @param sender the sender the message names (its envelope sender) */
    Optional<Decision> refusal(Tenant tenant, EmailAddress sender, List<EmailAddress> recipients, Instant now) {
        return SenderDomainRule.check(tenant.domains(), sender)
                .or(() -> BlockedRecipientsRule.check(recipients, recipient ->
                        !blockLists.tenant(tenant.id(), Probe.address(recipient), now).isEmpty()));
    }
}
