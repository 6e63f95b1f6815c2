package org.senderguard.application.port.in;

/**
 * What an import did: entries added, rows skipped because their value was listed (of which
 * {@code extended} gave the listed entry their later expiry), rows whose value an earlier row of
 * the file had (which gave it their expiry when later), rows skipped because their expiry had passed
 * (an export's entries that expired since), bad rows skipped.
 */
public record ImportedEntries(long added, long alreadyListed, long extended, long repeated, long expired,
                              long badRowsSkipped) {

    /** "N already listed", how many of them now expire later, and the rows repeated or expired, if any. */
    public String alreadyListedText() {
        return alreadyListed + " already listed" + (extended == 0 ? "" : ", " + extended + " of them now expiring later")
                + (repeated == 0 ? "" : "; " + repeated + " rows repeated a value of the file, the latest expiry kept")
                + (expired == 0 ? "" : "; " + expired + " rows skipped, their expiry passed");
    }
}
