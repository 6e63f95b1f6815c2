package org.senderguard.application.port.out;

/** Where the stored block lists' change feed stands: what decides whether a snapshot can be caught up. */
public interface BlockListFeed {

    Position position();

    /**
     * Gives the database a new random identity, unless it no longer has {@code current} (another
     * server renewed it first): for a database found restored from a backup, whose versions will be
     * handed out again for other changes. Returns the identity it has now.
     */
    String renewIdentity(String current);

    /**
     * {@code databaseId}: a random identity the database was given once; {@code version}: the latest
     * committed list version; {@code prunedThrough}: removals up to this version are forgotten, so a
     * reader at an older version cannot catch up from the feed.
     */
    record Position(String databaseId, long version, long prunedThrough) {
    }
}
