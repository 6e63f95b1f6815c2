package org.senderguard.application.port.in;

import org.senderguard.domain.delisting.PortalRequest;
import org.senderguard.domain.delisting.PortalRequestStatus;

/** A portal request with its status as of now: a pending request past its expiry shows as {@code EXPIRED}. */
public record PortalRequestSummary(PortalRequest request, PortalRequestStatus status) {
}
