package org.senderguard.domain.outbound;

/**
 * Which delivered messages go through the high-risk pool, so that the normal pool's reputation
 * stays clean: a message with a spam verdict; and, where the verdict is not known yet when the
 * message is decided (an MTA asks at the end of the SMTP transaction, before any filter has
 * reported), every message of a sender that has had spam verdicts in the current hour.
 */
public final class HighRiskPool {

    private HighRiskPool() {
    }

    /** @param verdict the message's verdict, or null when it is not known yet */
    public static boolean routes(Verdict verdict, SendingUsage usage) {
        return verdict == null ? usage.spamMessagesLastHour() > 0 : verdict.isSpam();
    }
}
