package org.senderguard.application.port.in;

import java.util.List;
import java.util.Optional;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;

/** The checks that outbound and inbound messages share. */
final class MessageFields {

    static final int MAX_RECIPIENTS = 10_000;
    static final int MAX_URLS = 1_000;

    private MessageFields() {
    }

    static void requireMessageId(String messageId) {
        if (messageId == null || messageId.isBlank() || messageId.length() > 998) {
            throw new InvalidValueException("messageId", "a message id of 1-998 characters is required");
        }
    }

    static void requireRecipients(List<String> recipients) {
        if (recipients == null || recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw new InvalidValueException("recipients", "1-" + MAX_RECIPIENTS + " recipients are required");
        }
    }

    static List<EmailAddress> recipients(List<String> recipients) {
        return recipients.stream().map(r -> EmailAddress.parse("recipients", r)).toList();
    }

    /**
     * The web links found in a message. Messages carry all kinds of text that looks like a link;
     * what is not a valid http(s) URL cannot match a block-list entry, so it is skipped rather than
     * failing the decision.
     */
    static List<Probe> urls(List<String> urls) {
        if (urls == null) {
            return List.of();
        }
        if (urls.size() > MAX_URLS) {
            throw new InvalidValueException("urls", "at most " + MAX_URLS + " URLs");
        }
        return urls.stream().map(MessageFields::url).flatMap(Optional::stream).distinct().toList();
    }

    private static Optional<Probe> url(String url) {
        try {
            return url == null ? Optional.empty() : Optional.of(Probe.url(url));
        } catch (InvalidValueException notALink) {
            return Optional.empty();
        }
    }
}
