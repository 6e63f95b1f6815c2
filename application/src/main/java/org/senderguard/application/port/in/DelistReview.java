package org.senderguard.application.port.in;

import org.senderguard.domain.delisting.DelistPlan;
import org.senderguard.domain.delisting.PortalRequest;

/** A portal request and what confirming it does (before) or did (after); {@code supportContact} lifts the rest. */
public record DelistReview(PortalRequest request, DelistPlan plan, String supportContact) {
}
