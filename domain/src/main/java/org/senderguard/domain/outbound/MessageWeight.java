package org.senderguard.domain.outbound;

/** How much one message counts: every recipient counts, and a spam message counts once. */
public record MessageWeight(int external, int internal, int spam) {
}
