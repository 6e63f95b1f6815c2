package org.senderguard.domain.outbound;

import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.EmailAddress;

/**
 * How many admin unblocks a user has left in the rolling window. Past the limit only Support may
 * unblock, with an explicit override.
 */
public record UnblockAllowance(int used, int limit, int windowDays) {

    public int remaining() {
        return Math.max(0, limit - used);
    }

    /** @throws ConflictException {@code unblock-limit-reached} unless Support overrides the limit */
    public void check(EmailAddress user, boolean overrideBySupport) {
        if (remaining() == 0 && !overrideBySupport) {
            throw new ConflictException("unblock-limit-reached", user + " has already been unblocked " + used
                    + " times in the last " + windowDays + " days, the most an admin may. Contact Support to "
                    + "unblock this user.");
        }
    }
}
