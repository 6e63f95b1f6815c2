package org.senderguard.application.port.in;

public interface AddBlockListEntriesUseCase {

    /** Stores the good values (all in one commit) and reports the bad ones; a value already listed is an error. */
    AddedEntries add(AddBlockListEntriesCommand command);
}
