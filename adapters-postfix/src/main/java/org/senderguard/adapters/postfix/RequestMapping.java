package org.senderguard.adapters.postfix;

import java.util.List;
import java.util.Optional;
import org.senderguard.application.port.in.MailTransaction;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.EmailAddress;

/**
 * What a policy request asks of the application: a {@link MailTransaction} at RCPT and at
 * END-OF-MESSAGE, nothing at the other protocol states (they are answered DUNNO at once).
 */
final class RequestMapping {

    static final String POLICY_REQUEST = "smtpd_access_policy";

    private RequestMapping() {
    }

    /** What to do with one request. */
    sealed interface Outcome permits Answer, Ask {
    }

    /**
     * Answer at once, without asking the application.
     *
     * @param problem why, when the request lacks what it needs (logged), or null when there was nothing to ask
     */
    record Answer(String action, String problem) implements Outcome {
    }

    /**
     * Ask the application.
     *
     * @param recipient at RCPT, the recipient asked about (remembered unless refused); null at the end of a message
     */
    record Ask(MailTransaction transaction, EmailAddress recipient) implements Outcome {
    }

    static Outcome map(PolicyRequest request, RecipientMemory memory, SubmitterNetworks submitters) {
        String instance = request.get("instance");
        memory.follow(instance);
        String state = request.get("protocol_state");
        Probe.Ip client = ip(request.get("client_address"));
        String login = request.get("sasl_username").isEmpty() ? null : request.get("sasl_username");
        boolean trusted = submitters.contain(client);
        EmailAddress sender = address("sender", request.get("sender")).orElse(null);
        if (state.equals("RCPT")) {
            Optional<EmailAddress> recipient = address("recipient", request.get("recipient"));
            if (recipient.isEmpty()) {
                return new Answer(PolicyAnswers.DUNNO, null);
            }
            return new Ask(new MailTransaction(MailTransaction.Stage.RECIPIENT, null, client, login, trusted, sender,
                    List.of(recipient.get()), 1), recipient.get());
        }
        if (state.equals("END-OF-MESSAGE")) {
            String queueId = request.get("queue_id");
            if (instance.isEmpty() || queueId.isEmpty()) {
                return new Answer(PolicyAnswers.DUNNO, "an END-OF-MESSAGE request without instance or queue_id");
            }
            int count = count(request.get("recipient_count"), memory.count());
            return new Ask(new MailTransaction(MailTransaction.Stage.END_OF_MESSAGE, instance + "/" + queueId, client,
                    login, trusted, sender, recipients(request, memory, count), count), null);
        }
        return new Answer(PolicyAnswers.DUNNO, null);
    }

    /**
     * The recipients to name at the end of a message. Postfix names one only when the message has
     * exactly one; otherwise the recipients remembered from RCPT are named, if they can be the
     * message's: when more were remembered than the message has (Postfix refused some of them
     * after asking, for reasons of its own), it is not known which, so none is named and all
     * {@code recipient_count} count as unnamed recipients, which the application counts as
     * external (the stricter limit). Fewer remembered than the message has (this connection was
     * not asked about them all) leaves the others unnamed in the same way.
     */
    private static List<EmailAddress> recipients(PolicyRequest request, RecipientMemory memory, int count) {
        if (count == 1) {
            Optional<EmailAddress> only = address("recipient", request.get("recipient"));
            if (only.isPresent()) {
                return List.of(only.get());
            }
        }
        return memory.count() <= count ? memory.recipients() : List.of();
    }

    /** Postfix's recipient_count; when it is missing or garbled, the recipients remembered. */
    private static int count(String value, int remembered) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException garbled) {
            // Fall back below.
        }
        return remembered == Integer.MAX_VALUE ? 0 : remembered;
    }

    /** Null for Postfix's {@code unknown} and for anything else that is not one IP address. */
    private static Probe.Ip ip(String value) {
        if (value.isEmpty() || value.equalsIgnoreCase("unknown")) {
            return null;
        }
        try {
            return Probe.ip("client_address", value);
        } catch (RuntimeException notAnAddress) { // InvalidValueException, or whatever the parser throws
            return null;
        }
    }

    /** Empty for the null sender {@code <>} (sent as an empty value) and for what is not an address. */
    private static Optional<EmailAddress> address(String field, String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EmailAddress.parse(field, value));
        } catch (RuntimeException notAnAddress) { // InvalidValueException, or whatever the parser throws
            return Optional.empty();
        }
    }
}
