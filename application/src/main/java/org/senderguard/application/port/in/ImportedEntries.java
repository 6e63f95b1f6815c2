package org.senderguard.application.port.in;

/** What an import did: entries added, and rows skipped because their value was already listed. */
public record ImportedEntries(long added, long alreadyListed) {
}
