package org.senderguard.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.senderguard.domain.outbound.MessageWeight;
import org.senderguard.domain.outbound.SenderKey;
import org.senderguard.domain.outbound.SendingUsage;

/** What senders have sent: the rolling hour and the UTC day, read and added to for many senders at once. */
public interface SendingCounters {

    /** Every sender asked for is in the answer; one that has sent nothing has {@link SendingUsage#NONE}. */
    Map<SenderKey, SendingUsage> usage(Collection<SenderKey> senders, Instant now);

    void add(Map<SenderKey, MessageWeight> weights, Instant now);
}
