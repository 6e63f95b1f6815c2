package org.senderguard.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.outbound.SenderKey;
import org.senderguard.domain.tenant.TenantId;

/** Which senders sent spam pointing at which registered domains, and when last. */
public interface SpamSightings {

    void record(SenderKey sender, Collection<DomainName> domains, Instant at);

    /** For each domain, how many distinct senders pointed at it at or after {@code since}. */
    Map<DomainName, Integer> distinctSenders(Collection<DomainName> domains, Instant since);

    /** Per tenant, how many of its distinct senders pointed at the domain at or after {@code since}. */
    Map<TenantId, Integer> sendersByTenant(DomainName domain, Instant since);

    /** Forgets every sighting of the domain: it starts again from none. */
    void forget(DomainName domain);
}
