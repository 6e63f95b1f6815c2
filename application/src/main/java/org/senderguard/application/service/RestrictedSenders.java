package org.senderguard.application.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.senderguard.application.port.out.SenderStatusRepository;
import org.senderguard.application.port.out.TenantChanges;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.outbound.SenderStatus;
import org.senderguard.domain.outbound.SendingEnforcement;
import org.senderguard.domain.tenant.TenantId;

/**
 * Each tenant's restricted senders, held in memory so that an MTA's question at every recipient
 * (is this sender restricted?) needs no database. A restriction added or lifted anywhere is a
 * change of its tenant in the change feed: this instance forgets the tenant's set as it commits
 * one, other instances when they follow the feed (within half a second). The answer at the end of
 * the message is always read under the sender's lock, so a set a moment old can only refuse or
 * let through a recipient early, never count or deliver a message wrongly.
 */
public class RestrictedSenders {

    private static final int PAGE = 1_000;

    private final SenderStatusRepository statuses;
    private final TenantChanges changes;
    private final UntilChangedCache<TenantId, Map<EmailAddress, SenderStatus>> restricted = new UntilChangedCache<>();

    public RestrictedSenders(SenderStatusRepository statuses, TenantChanges changes) {
        this.statuses = statuses;
        this.changes = changes;
    }

    /** The rejection of the sender when it is restricted at {@code now}. */
    Optional<Decision> refusal(TenantId tenant, EmailAddress sender, Instant now) {
        SenderStatus status = restricted.get(tenant, t -> load(t, now)).get(sender);
        return status == null ? Optional.empty() : SendingEnforcement.restriction(status, now);
    }

    /**
     * The rejection of a message when an address it is sent as, other than {@code sender} who answers
     * for it, is restricted: the envelope sender where a login answers, and the mailbox of a
     * subaddress ({@code user@} for {@code user+tag@}), so that a restricted user cannot send on by
     * changing the envelope sender. Read from memory, a moment old at most; the sender who answers is
     * read under its lock by the decider.
     */
    Optional<Decision> aliasRefusal(TenantId tenant, EmailAddress sender, EmailAddress envelopeSender, Instant now) {
        return Stream.of(envelopeSender, envelopeSender.mailbox(), sender.mailbox()).distinct()
                .filter(address -> !address.equals(sender))
                .flatMap(address -> refusal(tenant, address, now).stream()).findFirst();
    }

    /** Within the transaction that restricts or unblocks a sender of the tenant: tells every instance. */
    void changing(TenantId tenant) {
        changes.record(tenant);
    }

    /** After that transaction committed, or when the feed reports a change made elsewhere. */
    void forget(TenantId tenant) {
        restricted.invalidate(tenant);
    }

    void forgetAll() {
        restricted.invalidateAll();
    }

    private Map<EmailAddress, SenderStatus> load(TenantId tenant, Instant now) {
        Map<EmailAddress, SenderStatus> found = new HashMap<>();
        String after = "";
        List<SenderStatus> page;
        do {
            page = statuses.findRestricted(tenant, now, "", after, PAGE);
            page.forEach(status -> found.put(status.address(), status));
            after = page.isEmpty() ? after : page.get(page.size() - 1).address().value();
        } while (page.size() == PAGE);
        return Map.copyOf(found);
    }
}
