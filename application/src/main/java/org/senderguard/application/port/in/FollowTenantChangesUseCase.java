package org.senderguard.application.port.in;

public interface FollowTenantChangesUseCase {

    /**
     * Drops from this instance's caches the tenants, policies and API keys of every tenant whose
     * configuration any instance (or the CLI) changed since the last call.
     */
    void follow();
}
