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

    /** @throws LimitReached unless Support overrides the limit */
    public void check(EmailAddress user, boolean overrideBySupport) {
        if (remaining() == 0 && !overrideBySupport) {
            throw new LimitReached(user + " has already been unblocked " + used + " times in the last " + windowDays
                    + " days, the most an admin may.");
        }
    }

    /** {@code unblock-limit-reached}: its message tells an admin to contact Support. */
    public static final class LimitReached extends ConflictException {

        private final String reached;

        LimitReached(String reached) {
            super("unblock-limit-reached", reached + " Contact Support to unblock this user.");
            this.reached = reached;
        }

        /** What was reached, without the advice: for Support, who is the one to go past it. */
        public String reached() {
            return reached;
        }
    }
}
