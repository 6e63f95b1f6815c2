package org.senderguard.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.senderguard.domain.mailflow.Decision;

/** The decisions already given, so that a message reported twice is answered the same and counted once. */
public interface ProcessedMessages {

    /** The earlier decisions among these messages; messages not seen before are absent. */
    Map<MessageKey, Decision> find(Collection<MessageKey> messages);

    void save(Map<MessageKey, Decision> decisions, Instant at);
}
