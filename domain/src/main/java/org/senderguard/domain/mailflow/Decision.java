package org.senderguard.domain.mailflow;

import java.util.Objects;

/** The answer for one message: the action, and for a rejection the SMTP reply and the NDR text. */
public record Decision(MailFlowAction action, String smtpReply, String ndrText) {

    public Decision {
        Objects.requireNonNull(action, "action");
        if ((action == MailFlowAction.REJECT) != (smtpReply != null && ndrText != null)) {
            throw new IllegalArgumentException("a rejection, and only a rejection, has an SMTP reply and an NDR");
        }
    }

    public static Decision deliver(boolean spam) {
        return new Decision(spam ? MailFlowAction.DELIVER_HIGH_RISK_POOL : MailFlowAction.DELIVER, null, null);
    }

    public static Decision reject(String smtpReply, String ndrText) {
        return new Decision(MailFlowAction.REJECT, smtpReply, ndrText);
    }
}
