package org.senderguard.application.port.in;

import org.senderguard.domain.blocklist.Probe;

public interface CheckReputationUseCase {

    /**
     * Asks every enabled third-party list that lists this kind of value (an IP address, or the
     * domain of a domain, address or URL), in parallel, each within the query timeout. A later check
     * that finds a value off a list resolves the pending delisting requests for it.
     */
    Reputation check(Probe value);
}
