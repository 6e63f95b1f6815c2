package org.senderguard.application.port.in;

import java.util.List;
import java.util.Objects;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.EmailAddress;

/**
 * What an MTA knows about a message at one stage of its SMTP transaction. Whether it is a tenant's
 * outbound mail or inbound mail is decided from these facts, as are the tenant and its rules.
 *
 * @param transactionId  the MTA's unique name of the transaction (Postfix: instance and queue id);
 *                       required at the end of the message, where it makes a repeated question count once
 * @param clientAddress  the SMTP client's IP address, or null when the MTA does not say
 * @param saslLogin      the SASL login the client authenticated with, or null
 * @param trustedClient  whether the MTA's configuration counts this client's mail as a tenant's own
 *                       submission without a login (a submitter network)
 * @param sender         the envelope sender, or null for the null sender of a bounce and for a
 *                       sender that could not be read
 * @param unreadableSender the envelope sender as the MTA gave it when it is not an address that
 *                       can be read (a quoted local part, say), else null
 * @param recipients     the recipients known at this stage: the one being added at RCPT, those the
 *                       MTA accepted (when it tells) at the end of the message
 * @param recipientCount how many recipients the message has: at the end of the message, at least
 *                       {@code recipients.size()}; recipients not named count as external
 */
public record MailTransaction(Stage stage, String transactionId, Probe clientAddress, String saslLogin,
                              boolean trustedClient, EmailAddress sender, String unreadableSender,
                              List<EmailAddress> recipients, int recipientCount) {

    public enum Stage {
        /** A recipient is being added (RCPT TO): refuse it or let it be; nothing is counted. */
        RECIPIENT,
        /** The message is complete: it is counted against the sender's limits. */
        END_OF_MESSAGE
    }

    public MailTransaction {
        Objects.requireNonNull(stage, "stage");
        recipients = List.copyOf(recipients);
        if (sender != null && unreadableSender != null) {
            throw new IllegalArgumentException("a sender is either read or unreadable");
        }
        if (stage == Stage.END_OF_MESSAGE && (transactionId == null || transactionId.isBlank())) {
            throw new IllegalArgumentException("the end of a message needs the MTA's transaction id");
        }
        if (stage == Stage.RECIPIENT && recipients.size() != 1) {
            throw new IllegalArgumentException("a recipient stage names one recipient");
        }
        recipientCount = Math.max(recipientCount, recipients.size());
    }
}
