package org.senderguard.application.port.in;

import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

/** A page request for one tenant's list: an opaque cursor (or none) and a page size of 1-500. */
public record ListQuery(TenantId tenantId, String cursor, int limit) {

    public static final int DEFAULT_LIMIT = 100;

    public static final int MAX_LIMIT = 500;

    public ListQuery {
        checkLimit(limit);
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
    }

    /** Refuses a page size outside 1-{@value #MAX_LIMIT}, naming {@code limit}. */
    public static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** A page request from optional input: no limit means {@value #DEFAULT_LIMIT}. */
    public static ListQuery of(TenantId tenantId, String cursor, Integer limit) {
        return new ListQuery(tenantId, cursor, limit == null ? DEFAULT_LIMIT : limit);
    }
}
