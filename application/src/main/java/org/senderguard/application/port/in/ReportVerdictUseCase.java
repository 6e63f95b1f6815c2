package org.senderguard.application.port.in;

import java.util.concurrent.CompletableFuture;

public interface ReportVerdictUseCase {

    /**
     * Counts a spam verdict against the sender's {@code spamMessageLimitPerHour}, whether it arrives
     * before or after the message's end-of-message decision, and restricts the sender when it
     * trips the limit, as the policy says. Clean and bulk verdicts count nothing. Completes once
     * committed.
     */
    CompletableFuture<VerdictCounted> report(VerdictReport report);

    /**
     * @param counted          whether this report counted (not when the message's verdict was reported
     *                         before, the verdict is not spam, or the sender is restricted or not the tenant's)
     * @param senderRestricted whether the sender is restricted now
     */
    record VerdictCounted(boolean counted, boolean senderRestricted) {
    }
}
