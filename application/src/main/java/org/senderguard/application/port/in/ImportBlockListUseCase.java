package org.senderguard.application.port.in;

import java.util.Iterator;
import java.util.function.LongConsumer;
import org.senderguard.domain.audit.Actor;

public interface ImportBlockListUseCase {

    /**
     * Imports rows into the service list in one transaction: either every good row is added, or,
     * when any row is bad, nothing is (and {@link ImportFailedException} names the bad rows).
     * {@code progress} hears the number of rows read so far.
     */
    ImportedEntries importRows(Iterator<ImportRow> rows, Actor actor, LongConsumer progress);
}
