package org.senderguard.application.port.in;

public interface ImportBlockListUseCase {

    /**
     * Imports rows into the service list in one transaction: every good row is added, or, when a
     * row is bad and bad rows are not to be skipped, nothing is (and {@link ImportFailedException}
     * names the bad rows). Values already listed are left as they are.
     */
    ImportedEntries importRows(ImportCommand command);
}
