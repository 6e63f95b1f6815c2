package org.senderguard.application.port.out;

import org.senderguard.domain.mailflow.Decision;

/**
 * Observes mail flow's answers: each decision with the client that asked, its direction, what it
 * was told and how long it took; and the size of each batch the outbound decider commits. Every
 * method does nothing unless implemented ({@link #NONE}).
 */
public interface MailFlowMeter {

    MailFlowMeter NONE = new MailFlowMeter() {
    };

    /** Who asked: the mail-flow REST API, or an MTA through the Postfix policy server. */
    enum Client { REST, POSTFIX }

    enum Direction { OUTBOUND, INBOUND }

    /** What mail flow was told; {@code TEMPFAIL}: no decision could be made (the database was away or late). */
    enum Answer {
        DELIVER, HIGH_RISK, REJECT, ACCEPT, TEMPFAIL;

        public static Answer of(Decision decision) {
            return switch (decision.action()) {
                case DELIVER -> DELIVER;
                case DELIVER_HIGH_RISK_POOL -> HIGH_RISK;
                case REJECT -> REJECT;
                case ACCEPT -> ACCEPT;
            };
        }
    }

    /** @param nanos from the request reaching the application to its answer */
    default void decided(Client client, Direction direction, Answer answer, long nanos) {
    }

    /** The outbound decider decided this many submissions in one transaction. */
    default void batchDecided(int submissions) {
    }
}
