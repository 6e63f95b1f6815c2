package org.senderguard.domain.outbound;

/** How much one message counts: every recipient counts, and a spam message counts once. */
public record MessageWeight(int external, int internal, int spam) {

    public MessageWeight plus(MessageWeight other) {
        return new MessageWeight(external + other.external, internal + other.internal, spam + other.spam);
    }
}
