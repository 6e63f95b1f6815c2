package org.senderguard.domain.outbound;

import java.util.List;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.FreeText;

/** What an admin sets on a policy; identity, tenant and whether it is the default stay with the policy. */
public record PolicySettings(String name, int priority, boolean enabled, SendingLimits limits, ThresholdAction action,
                             List<EmailAddress> notifyRecipients,
                             SenderConditions conditions) {

    public PolicySettings {
        name = FreeText.required("name", name, OutboundSpamPolicy.MAX_NAME,
                "a policy needs a name of 1-" + OutboundSpamPolicy.MAX_NAME + " characters");
    }
}
