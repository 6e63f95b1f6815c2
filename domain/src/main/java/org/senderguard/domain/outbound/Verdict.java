package org.senderguard.domain.outbound;

/** The upstream spam filter's classification of a message. */
public enum Verdict {
    CLEAN, BULK, SPAM, HIGH_CONFIDENCE_SPAM, PHISH, HIGH_CONFIDENCE_PHISH, MALWARE;

    /** Everything but clean and bulk mail counts as spam. */
    public boolean isSpam() {
        return this != CLEAN && this != BULK;
    }
}
