package org.senderguard.domain.outbound;

import java.util.List;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.tenant.AcceptedDomains;

/** How much one message counts: every recipient counts, and a spam message counts once. */
public record MessageWeight(int external, int internal, int spam) {

    public static final MessageWeight NOTHING = new MessageWeight(0, 0, 0);

    /**
     * Recipients in the tenant's accepted domains (or their subdomains) are internal, the others
     * external; {@code unknown} more recipients whose addresses the reporter did not give count as
     * external, the stricter limit.
     */
    public static MessageWeight of(AcceptedDomains own, List<EmailAddress> recipients, int unknown, boolean spam) {
        int internal = (int) recipients.stream().filter(r -> own.covers(r.domain())).count();
        return new MessageWeight(recipients.size() - internal + unknown, internal, spam ? 1 : 0);
    }
}
