package org.senderguard.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.senderguard.domain.mailflow.Decision;

/** The decisions already given, so that a message reported twice is answered the same and counted once. */
public interface ProcessedMessages {

    /** The earlier decisions among these messages; messages not seen before are absent. */
    Map<MessageKey, Decision> find(Collection<MessageKey> messages);

    /**
     * Saves decisions under {@code at}, the time their batch began; the batch commits at most
     * {@link #LATEST_SAVE} later, so a store may take the decisions of a time as complete once that
     * (and a commit) passed.
     */
    void save(Map<MessageKey, Decision> decisions, Instant at);

    /** How long after it began a batch may still commit its decisions; a slower batch fails instead. */
    Duration LATEST_SAVE = Duration.ofSeconds(10);
}
