package org.senderguard.application.port.in;

import java.util.List;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.reputation.CheckResult;

/**
 * Where a value is listed: the active entries of the service list and of the tenant's list that
 * match it, and what each third-party list answers for it.
 */
public record Listings(Probe probe, List<BlockListEntry> service, List<BlockListEntry> tenant,
                       List<CheckResult> thirdParty) {
}
