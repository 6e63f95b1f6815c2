package org.senderguard.domain.delisting;

/**
 * Where a delist portal request stands. {@code EXPIRED} is never stored: it is a {@code PENDING}
 * request whose link has run out.
 */
public enum PortalRequestStatus {
    /** The confirmation link was mailed and has not been used. */
    PENDING,
    /** The link was used: the request's outcome says what was delisted. */
    COMPLETED,
    /** The link was not used within its validity. */
    EXPIRED,
    /** The confirmation mail could not be sent. */
    MAIL_FAILED
}
