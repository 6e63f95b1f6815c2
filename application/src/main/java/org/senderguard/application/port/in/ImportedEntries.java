package org.senderguard.application.port.in;

/**
 * What an import did: entries added, rows skipped because their value was listed (of which
 * {@code extended} gave the listed entry their later expiry), bad rows skipped.
 */
public record ImportedEntries(long added, long alreadyListed, long extended, long badRowsSkipped) {

    /** "N already listed", and how many of them now expire later. */
    public String alreadyListedText() {
        return alreadyListed + " already listed" + (extended == 0 ? "" : ", " + extended + " of them now expiring later");
    }
}
