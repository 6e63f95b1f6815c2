package org.senderguard.application.port.out;

/** Observes the mail senderguard sends itself. Does nothing unless implemented ({@link #NONE}). */
public interface MailMeter {

    MailMeter NONE = new MailMeter() {
    };

    enum Kind { ALERT, DELIST_LINK }

    /** The relay took the message. */
    default void sent(Kind kind) {
    }

    /** The relay could not be reached or refused the message. */
    default void failed(Kind kind) {
    }
}
