package org.senderguard.domain.reputation;

/** How a list's A-record answers decode. */
public enum AnswerScheme {
    /** Spamhaus ZEN return codes: SBL, CSS, XBL, DROP, PBL; 127.255.255.x errors. */
    SPAMHAUS_ZEN,
    /** Spamhaus DBL return codes in 127.0.1.0/24; 127.0.1.255 and 127.255.255.x errors. */
    SPAMHAUS_DBL,
    /** SURBL multi: a bitmask in the last octet; bit 1 means the query was blocked. */
    SURBL,
    /** URIBL multi: a bitmask in the last octet; 127.0.0.1 means the query was refused. */
    URIBL,
    /** invaluement ivmSIP: 127.0.0.2 for a listed sender IP. */
    INVALUEMENT,
    /** Any 127.0.0.0/8 answer but 127.0.0.1 is a listing. */
    PLAIN;

    /** The domain a domain list always lists, to tell that it answers (RFC 5782 section 5: TEST). */
    public String domainTestPoint() {
        return switch (this) {
            case SPAMHAUS_DBL -> "dbltest.com";
            case SURBL -> "surbl-org-permanent-test-point.com";
            case URIBL -> "test.uribl.com";
            default -> "test";
        };
    }

    /**
     * Whether the list lists registered domains only, so that a host is asked about by its
     * registered domain: SURBL and URIBL strip host parts before they look a name up, and so must
     * whoever asks them. Other domain lists (Spamhaus's DBL lists some hosts of abused domains) are
     * asked about the host and about its registered domain.
     */
    public boolean listsRegisteredDomainsOnly() {
        return this == SURBL || this == URIBL;
    }
}
