package org.senderguard.application.port.out;

/**
 * Observes the answers of third-party DNS block lists, as they come from DNS (answers served from
 * the cache are not counted again). Does nothing unless implemented ({@link #NONE}).
 */
public interface ThirdPartyMeter {

    ThirdPartyMeter NONE = new ThirdPartyMeter() {
    };

    /**
     * LISTED, NOT_LISTED and REFUSED (an error code instead of a listing) as the list answered;
     * ERROR when the DNS server failed, TIMEOUT when no answer came in time.
     */
    enum Status { LISTED, NOT_LISTED, REFUSED, ERROR, TIMEOUT }

    default void answered(String list, Status status) {
    }
}
