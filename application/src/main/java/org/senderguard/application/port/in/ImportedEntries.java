package org.senderguard.application.port.in;

/** What an import did: entries added, rows skipped because their value was listed, bad rows skipped. */
public record ImportedEntries(long added, long alreadyListed, long badRowsSkipped) {
}
