package org.senderguard.adapters.postfix;

import java.util.Optional;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.SmtpReply;

/** Renders decisions as Postfix policy actions (without the {@code action=} prefix). */
final class PolicyAnswers {

    /** No objection: Postfix goes on with its other restrictions (never OK, which would skip them). */
    static final String DUNNO = "DUNNO";

    private final Optional<String> highRiskTransport;

    /** @param highRiskTransport the transport of the high-risk pool; empty: that mail is not routed apart */
    PolicyAnswers(Optional<String> highRiskTransport) {
        this.highRiskTransport = highRiskTransport;
    }

    String render(Decision decision) {
        return switch (decision.action()) {
            case REJECT -> rejection(decision);
            case DELIVER_HIGH_RISK_POOL -> highRiskTransport.map(transport -> "FILTER " + transport + ":").orElse(DUNNO);
            case DELIVER, ACCEPT -> DUNNO;
        };
    }

    /**
     * The reply with its code, so that Postfix relays exactly it (a bare REJECT would become 554),
     * and the NDR's next step where it has one, since the reply text is all the sender sees.
     */
    private static String rejection(Decision decision) {
        SmtpReply reply = decision.reply();
        String nextStep = decision.ndr().nextStep();
        return oneLine(reply.toString() + (nextStep == null || nextStep.isBlank() ? "" : "; " + nextStep.strip()));
    }

    /** A line break would end the action early and make the rest a malformed attribute. */
    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return line.toString();
    }
}
