package org.senderguard.domain.outbound;

import java.util.List;
import org.senderguard.domain.common.EmailAddress;

/** What an admin sets on a policy; identity, tenant and whether it is the default stay with the policy. */
public record PolicySettings(String name, int priority, boolean enabled, SendingLimits limits, ThresholdAction action,
                             List<EmailAddress> notifyRecipients,
                             SenderConditions conditions) {
}
