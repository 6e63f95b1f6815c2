package org.senderguard.domain.mailflow;

import java.util.Objects;

/**
 * The answer for one message: the action, and for a rejection the SMTP reply and the NDR. Each
 * adapter renders it in its own protocol.
 */
public record Decision(MailFlowAction action, SmtpReply reply, Ndr ndr) {

    public static final Decision ACCEPT = new Decision(MailFlowAction.ACCEPT, null, null);

    public Decision {
        Objects.requireNonNull(action, "action");
        if ((action == MailFlowAction.REJECT) != (reply != null && ndr != null)) {
            throw new IllegalArgumentException("a rejection, and only a rejection, has an SMTP reply and an NDR");
        }
    }

    public static Decision deliver(boolean highRisk) {
        return new Decision(highRisk ? MailFlowAction.DELIVER_HIGH_RISK_POOL : MailFlowAction.DELIVER, null, null);
    }

    public static Decision reject(SmtpReply reply, Ndr ndr) {
        return new Decision(MailFlowAction.REJECT, reply, ndr);
    }

    public boolean rejected() {
        return action == MailFlowAction.REJECT;
    }
}
