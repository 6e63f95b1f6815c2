package org.senderguard.application.service;

import org.senderguard.application.port.in.FollowTenantChangesUseCase;
import org.senderguard.application.port.out.ChangeFeedMeter;
import org.senderguard.application.port.out.TenantChanges;
import org.senderguard.domain.tenant.TenantId;

/**
 * This instance's caches of tenants' configuration (the tenants, their policies, their API keys,
 * their restricted senders),
 * kept until the tenant changes. Changes made here invalidate them at once; {@link #follow()},
 * run every half second by a server, drops what other instances and the CLI committed since the
 * version it last saw. A failed call drops everything cached, so that while the feed cannot be
 * read nothing is kept past the next call; the next call that succeeds catches up from that version.
 */
public class TenantCaches implements FollowTenantChangesUseCase {

    private final TenantChanges changes;
    private final TenantService tenants;
    private final PolicyService policies;
    private final ApiKeyService keys;
    private final RestrictedSenders restricted;
    /** The last version followed; none before the first call. */
    private long version = -1;
    private final ChangeFeedMeter meter;

    /** @param meter told each catch-up with the tenants' change feed */
    public TenantCaches(TenantChanges changes, TenantService tenants, PolicyService policies, ApiKeyService keys,
                        RestrictedSenders restricted, ChangeFeedMeter meter) {
        this.changes = changes;
        this.tenants = tenants;
        this.policies = policies;
        this.keys = keys;
        this.restricted = restricted;
        this.meter = meter;
    }

    /**
     * The first call only reads the current version, then drops whatever was cached before: a value
     * loaded before the version was read may predate a change at or below it, which the feed will
     * not report again. Whatever is loaded from here on is at least as new as that version.
     */
    @Override
    public synchronized void follow() {
        try {
            followOnce();
            meter.caughtUp(ChangeFeedMeter.Feed.TENANTS);
        } catch (RuntimeException e) {
            // What changed elsewhere cannot be told now, so nothing cached can be vouched for: a key
            // revoked elsewhere must not keep working because the feed is out of reach.
            forgetAll();
            throw e;
        }
    }

    private void followOnce() {
        if (version < 0) {
            long current = changes.currentVersion();
            forgetAll();
            version = current;
            return;
        }
        version = changes.changedSince(version, this::forget);
    }

    private void forgetAll() {
        tenants.forgetAll();
        policies.forgetAll();
        keys.forgetAll();
        restricted.forgetAll();
    }

    private void forget(TenantId tenant) {
        tenants.forget(tenant);
        policies.forget(tenant);
        keys.forget(tenant);
        restricted.forget(tenant);
    }
}
