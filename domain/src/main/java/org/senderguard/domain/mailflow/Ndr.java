package org.senderguard.domain.mailflow;

import java.util.Objects;

/**
 * The non-delivery report of a rejection: {@code text} tells the sender in plain language what
 * happened and what to do; {@code nextStep}, when the reply itself does not already say it, is
 * that advice in one short line for channels that carry only the SMTP reply (a Postfix policy
 * answer, which Postfix relays to the client as the reply text).
 */
public record Ndr(String text, String nextStep) {

    public Ndr {
        Objects.requireNonNull(text, "text");
    }
}
