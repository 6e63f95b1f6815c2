package org.senderguard.application.port.in;

import java.util.function.Consumer;
import org.senderguard.domain.blocklist.BlockListEntry;

public interface ExportBlockListUseCase {

    /** Hands every active entry of the service list to {@code sink}, oldest first, without holding them all in memory. */
    void exportServiceList(Consumer<BlockListEntry> sink);
}
