package org.senderguard.application.port.out;

import java.util.function.Consumer;
import org.senderguard.domain.tenant.TenantId;

/**
 * Which tenants' configuration (settings, accepted domains, policies, API keys) changed, by
 * version, so that every instance caching it can drop what changed elsewhere. Like the block
 * lists' versions, they are handed out one transaction at a time: a reader that has seen every
 * change up to version v can catch up from there.
 */
public interface TenantChanges {

    /**
     * Records, in the current transaction, that the tenant's configuration changed: locks the
     * version until the transaction ends and returns the next one, under which the change is seen.
     */
    long record(TenantId tenant);

    /** The version of the last committed change (0 before any). */
    long currentVersion();

    /**
     * Streams the tenants changed after version {@code since} to {@code changed}, in the order of
     * their last change, and returns the version they bring the reader to.
     */
    long changedSince(long since, Consumer<TenantId> changed);
}
