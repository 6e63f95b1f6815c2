package org.senderguard.application.service;

import java.time.Clock;
import java.util.function.Consumer;
import org.senderguard.application.port.in.ExportBlockListUseCase;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.domain.blocklist.BlockListEntry;

/** The service list's active entries, streamed from the store. */
public class BlockListExport implements ExportBlockListUseCase {

    private final BlockListStore store;
    private final Clock clock;

    public BlockListExport(BlockListStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void exportServiceList(Consumer<BlockListEntry> sink) {
        store.forEachActiveServiceEntry(clock.instant(), sink);
    }
}
