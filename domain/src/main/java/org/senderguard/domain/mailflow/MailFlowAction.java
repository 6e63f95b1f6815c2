package org.senderguard.domain.mailflow;

/** What mail flow is told to do with a message. */
public enum MailFlowAction {
    DELIVER,
    /** Deliver through the separate pool for risky mail, so the normal pool's reputation stays clean. */
    DELIVER_HIGH_RISK_POOL,
    REJECT,
    ACCEPT
}
