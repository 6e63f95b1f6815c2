package org.senderguard.domain.reputation;

/** The outcome of asking one list about one value. */
public enum CheckStatus {
    /** The list lists the value. */
    LISTED,
    /** The list answered that it does not list the value. */
    NOT_LISTED,
    /** The list answered with an error code instead of a listing (blocked resolver, over quota, ...). */
    REFUSED,
    /** No usable answer: a timeout or a server failure. */
    ERROR
}
