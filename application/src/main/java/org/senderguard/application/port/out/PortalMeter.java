package org.senderguard.application.port.out;

/**
 * Observes the delist portal: link requests and confirmations taken, and what it refused, by
 * reason. Does nothing unless implemented ({@link #NONE}).
 */
public interface PortalMeter {

    PortalMeter NONE = new PortalMeter() {
    };

    enum Request { LINK, CONFIRM }

    enum Refusal { CLIENT_LIMIT, NETWORK_LIMIT, ADDRESS_LIMIT, IP_LIMIT, SERVICE_LIMIT, INVALID_LINK, USED_LINK, EXPIRED_LINK }

    /** A request was taken (for a link: recorded, whether or not its mail went out; a confirmation: committed). */
    default void accepted(Request request) {
    }

    default void refused(Refusal reason) {
    }
}
