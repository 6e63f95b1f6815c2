package org.senderguard.application.port.in;

import org.senderguard.domain.blocklist.BlockListEntry;

public interface ListBlockListEntriesUseCase {

    Page<BlockListEntry> list(BlockListQuery query);
}
