package org.senderguard.application.port.out;

/**
 * Observes how closely this instance follows the change feeds, and the block-list index that
 * following the block lists' feed builds. Does nothing unless implemented ({@link #NONE}).
 */
public interface ChangeFeedMeter {

    ChangeFeedMeter NONE = new ChangeFeedMeter() {
    };

    /** The change feeds an instance follows: block-list changes, and tenant changes (settings, policies, keys). */
    enum Feed { BLOCK_LISTS, TENANTS }

    /** The index holds this many entries of the service list, and this many of all tenants' lists together. */
    default void indexed(long serviceEntries, long tenantEntries) {
    }

    /** The instance has applied everything the feed held when it last read it. */
    default void caughtUp(Feed feed) {
    }
}
