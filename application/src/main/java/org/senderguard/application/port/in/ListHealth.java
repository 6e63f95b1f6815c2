package org.senderguard.application.port.in;

import org.senderguard.domain.reputation.CheckResult;

/**
 * A list's answers for its RFC 5782 test points: the point that must be listed and the one that
 * must not. {@code verdict} says what an operator should know.
 */
public record ListHealth(String list, Verdict verdict, CheckResult listedPoint, CheckResult unlistedPoint) {

    public enum Verdict {
        /** Lists the listed test point and not the other. */
        HEALTHY,
        /** Times out or fails. */
        NOT_ANSWERING,
        /** Refuses queries (error codes): a public resolver, over quota, or a wrong zone. */
        REFUSING,
        /** Lists the point that must not be listed: it would block everything. */
        LISTS_EVERYTHING,
        /** Does not list the point that must be listed: it may be empty or gone. */
        LISTS_NOTHING
    }
}
