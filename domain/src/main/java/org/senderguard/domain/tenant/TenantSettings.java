package org.senderguard.domain.tenant;

import org.senderguard.domain.common.InvalidValueException;

/**
 * Per-tenant knobs. {@code unblockLimit} unblocks of one user are allowed per rolling
 * {@code unblockWindowDays}; {@code blockListLimit} caps the tenant block list per entry type;
 * {@code checkThirdPartyLists} makes inbound decisions consult the third-party DNS lists.
 */
public record TenantSettings(int unblockLimit, int unblockWindowDays, int blockListLimit,
                             boolean checkThirdPartyLists) {

    public static final TenantSettings DEFAULTS = new TenantSettings(3, 30, 10_000, false);

    public TenantSettings {
        requireWithin("unblockLimit", unblockLimit, 1, 100);
        requireWithin("unblockWindowDays", unblockWindowDays, 1, 365);
        requireWithin("blockListLimit", blockListLimit, 1, 1_000_000);
    }

    public TenantSettings withUnblockLimit(int limit) {
        return new TenantSettings(limit, unblockWindowDays, blockListLimit, checkThirdPartyLists);
    }

    public TenantSettings withUnblockWindowDays(int days) {
        return new TenantSettings(unblockLimit, days, blockListLimit, checkThirdPartyLists);
    }

    public TenantSettings withBlockListLimit(int limit) {
        return new TenantSettings(unblockLimit, unblockWindowDays, limit, checkThirdPartyLists);
    }

    public TenantSettings withCheckThirdPartyLists(boolean check) {
        return new TenantSettings(unblockLimit, unblockWindowDays, blockListLimit, check);
    }

    private static void requireWithin(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, "must be between " + min + " and " + max + ", was " + value);
        }
    }
}
