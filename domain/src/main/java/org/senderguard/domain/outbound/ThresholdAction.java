package org.senderguard.domain.outbound;

/** What happens when a sender reaches a limit of their policy. */
public enum ThresholdAction {
    /** Deliver, and tell the admins once per user per day. */
    ALERT,
    /** Restrict the user until the next 00:00 UTC. */
    BLOCK_USER_FOR_TODAY,
    /** Restrict the user until an admin unblocks them. */
    BLOCK_USER
}
