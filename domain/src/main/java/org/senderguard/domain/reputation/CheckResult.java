package org.senderguard.domain.reputation;

import java.util.List;
import java.util.Objects;

/**
 * The outcome for one list and one value. {@code codes} are the A records the list returned,
 * {@code meanings} what they mean (for a refusal: why), {@code detail} a one-line summary, and
 * {@code delistUrl} the portal to ask for removal when the value is listed.
 */
public record CheckResult(String list, CheckStatus status, List<String> codes, List<String> meanings, String detail,
                          String delistUrl) {

    public CheckResult {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(status, "status");
        codes = codes == null ? List.of() : List.copyOf(codes);
        meanings = meanings == null ? List.of() : List.copyOf(meanings);
    }

    public boolean listed() {
        return status == CheckStatus.LISTED;
    }
}
