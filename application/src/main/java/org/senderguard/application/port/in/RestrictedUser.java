package org.senderguard.application.port.in;

import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.outbound.Restriction;
import org.senderguard.domain.outbound.UnblockAllowance;

/** A restricted user as admins see them: the restriction and the unblocks left. */
public record RestrictedUser(EmailAddress address, Restriction restriction, UnblockAllowance unblocks) {
}
