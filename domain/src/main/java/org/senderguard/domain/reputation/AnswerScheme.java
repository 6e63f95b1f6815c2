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
    PLAIN
}
