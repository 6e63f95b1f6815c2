package org.senderguard.domain.delisting;

public enum DelistingStatus {
    /** Asked; not yet seen off the list. */
    PENDING,
    /** The value is off the list. */
    RESOLVED
}
