package org.senderguard.application.port.in;

import java.util.List;
import org.senderguard.domain.blocklist.BlockListEntry;

/** The entries an add request created, and every value it rejected with the reason. */
public record AddedEntries(List<BlockListEntry> created, List<RejectedValue> errors) {

    public record RejectedValue(String value, String detail) {
    }
}
