package org.senderguard.adapters.postfix;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.senderguard.application.port.in.MailTransaction;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.FreeText;

/**
 * What a policy request asks of the application: a {@link MailTransaction} at RCPT and at
 * END-OF-MESSAGE, nothing at the other protocol states (they are answered DUNNO at once). A request
 * at RCPT or END-OF-MESSAGE that lacks what a decision needs, or has it in a form that cannot be
 * read, is undecidable: it is answered by the fail mode, never let through as if it had been checked.
 */
final class RequestMapping {

    static final String POLICY_REQUEST = "smtpd_access_policy";
    /** Postfix's recipient_count: digits, at most a little over a hundred million. */
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");
    /** The states Postfix asks in, but for the two that are decided. */
    private static final Set<String> OTHER_STATES = Set.of("CONNECT", "EHLO", "HELO", "MAIL", "DATA", "VRFY", "ETRN");

    private RequestMapping() {
    }

    /** What to do with one request. */
    sealed interface Outcome permits Answer, Undecidable, Ask {
    }

    /** Answer at once, without asking the application: there is nothing to decide. */
    record Answer(String action) implements Outcome {
    }

    /** Answer by the fail mode, and log {@code problem}: what the request lacks for a decision. */
    record Undecidable(String problem) implements Outcome {
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
        boolean recipientStage = state.equals("RCPT");
        if (!recipientStage && !state.equals("END-OF-MESSAGE")) {
            return OTHER_STATES.contains(state) ? new Answer(PolicyAnswers.DUNNO)
                    : new Undecidable("protocol_state " + quoted(state) + ", which is not a state Postfix asks in");
        }
        String sender = request.get("sender");
        Optional<EmailAddress> senderAddress = address("sender", sender);
        Probe.Ip client = ip(request.get("client_address"));
        String login = request.get("sasl_username").isEmpty() ? null : request.get("sasl_username");
        boolean trusted = submitters.contain(client);
        // Mail from elsewhere with an unreadable sender is inbound mail whose sender matches no entry;
        // a submission with one is the application's to refuse (nobody to count it against).
        String unreadableSender = !sender.isEmpty() && senderAddress.isEmpty() ? sender : null;
        if (recipientStage) {
            String recipient = request.get("recipient");
            Optional<EmailAddress> address = address("recipient", recipient);
            if (address.isEmpty()) {
                return new Undecidable("recipient " + quoted(recipient) + ", which is not an address senderguard can read");
            }
            return new Ask(new MailTransaction(MailTransaction.Stage.RECIPIENT, null, client, login, trusted,
                    senderAddress.orElse(null), unreadableSender, List.of(address.get()), 1), address.get());
        }
        String queueId = request.get("queue_id");
        if (instance.isEmpty() || queueId.isEmpty()) {
            return new Undecidable("an END-OF-MESSAGE request without instance or queue_id");
        }
        String recipientCount = request.get("recipient_count");
        if (!COUNT.matcher(recipientCount).matches()) {
            return new Undecidable("recipient_count " + quoted(recipientCount) + ", which is not a number of recipients");
        }
        int count = Integer.parseInt(recipientCount);
        return new Ask(new MailTransaction(MailTransaction.Stage.END_OF_MESSAGE, instance + "/" + queueId, client,
                login, trusted, senderAddress.orElse(null), unreadableSender, recipients(request, memory, count), count),
                null);
    }

    private static String quoted(String value) {
        return value.isEmpty() ? "missing" : FreeText.quoted(value);
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
