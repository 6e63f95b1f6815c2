package org.senderguard.domain.outbound;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.Rejections;

/**
 * Outbound mail to a recipient on the sender's own organisation's block list is rejected whole
 * (5.7.703), naming every blocked recipient, and is not counted.
 */
public final class BlockedRecipientsRule {

    private BlockedRecipientsRule() {
    }

    /** @param blocked whether the organisation's list blocks a recipient (its address or its domain) */
    public static Optional<Decision> check(List<EmailAddress> recipients, Predicate<EmailAddress> blocked) {
        List<EmailAddress> found = recipients.stream().filter(blocked).toList();
        return found.isEmpty() ? Optional.empty() : Optional.of(Rejections.blockedRecipients(found));
    }
}
