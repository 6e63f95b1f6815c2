package org.senderguard.application.port.in;

/**
 * A server's block lists from its start on: loaded completely before mail flow is answered from
 * them, and kept in a snapshot so that the next start is quick.
 */
public interface LoadBlockListsUseCase {

    /** From now on mail flow waits for {@link #load()} (up to a bound) instead of loading the lists itself. */
    void loadingAtStart();

    /** Loads every list, from the snapshot and the changes after it, or else from the database. */
    void load();

    /** Whether the lists are loaded and answer mail flow. */
    boolean isLoaded();

    /** The list version the lists are at; -1 before they are loaded. */
    long version();

    /** Writes a snapshot of the lists unless the last one written or read is at the same version. */
    void saveSnapshot();
}
