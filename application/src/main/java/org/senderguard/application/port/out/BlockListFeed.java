package org.senderguard.application.port.out;

/** Where the stored block lists' change feed stands: what decides whether a snapshot can be caught up. */
public interface BlockListFeed {

    Position position();

    /**
     * {@code databaseId}: a random identity the database was given once; {@code version}: the latest
     * committed list version; {@code prunedThrough}: removals up to this version are forgotten, so a
     * reader at an older version cannot catch up from the feed.
     */
    record Position(String databaseId, long version, long prunedThrough) {
    }
}
