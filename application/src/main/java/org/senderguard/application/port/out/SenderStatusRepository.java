package org.senderguard.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.outbound.SenderKey;
import org.senderguard.domain.outbound.SenderStatus;
import org.senderguard.domain.tenant.TenantId;

public interface SenderStatusRepository {

    /**
     * The sender's status, locked until the current transaction ends (created if new), so that
     * decisions and unblocks for one sender happen one at a time, across server instances too.
     */
    SenderStatus lock(TenantId tenantId, EmailAddress address);

    /**
     * The stored ones of these senders, locked until the current transaction ends, in {@link SenderKey}
     * order so that two lockers of overlapping senders cannot deadlock. A sender never stored is left
     * out: {@link #addNew} stores it.
     */
    Map<SenderKey, SenderStatus> lockStored(Collection<SenderKey> senders);

    /**
     * Stores those of these senders not stored yet, each with a fresh status. Run it in a transaction
     * that holds no lock: an insert waits for a concurrent insert of the same sender, and a waiter
     * that held locks could close a cycle which the embedded database does not detect.
     */
    void addNew(Collection<SenderKey> senders);

    Optional<SenderStatus> find(TenantId tenantId, EmailAddress address);

    /** The whole status: restriction, grace, alert day and tally. */
    void save(SenderStatus status);

    /**
     * Only the tallies of many locked senders, in one statement: what every counted message
     * changes. Statuses whose restriction, grace or alert day changed go through {@link #save}.
     */
    void saveTallies(Collection<SenderStatus> statuses);

    /**
     * Senders restricted at {@code now}, ordered by address, whose address starts with
     * {@code prefix} and comes after {@code after} (both may be empty, and are in an address's
     * canonical form, {@link org.senderguard.domain.common.EmailAddress#canonicalText}).
     */
    List<SenderStatus> findRestricted(TenantId tenantId, Instant now, String prefix, String after, int limit);
}
