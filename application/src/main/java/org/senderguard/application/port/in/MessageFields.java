package org.senderguard.application.port.in;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.outbound.Verdict;

/** The checks that outbound and inbound messages share. */
final class MessageFields {

    static final int MAX_RECIPIENTS = 10_000;
    /** A message id is a header line: at most 998 characters (RFC 5322). */
    static final int MAX_MESSAGE_ID = 998;
    /**
     * Links a message may report: plenty for a newsletter, while a message's links stay under about
     * half a megabyte (each at most {@link Probe#MAX_URL_LENGTH}).
     */
    static final int MAX_URLS = 256;
    /** Postfix's long queue ids are 17 characters or so; other MTAs' are of that order. */
    static final int MAX_QUEUE_ID = 64;

    private MessageFields() {
    }

    /** The message id, stripped; the same text rules as every stored or logged text. */
    static String messageId(String messageId) {
        return FreeText.required("messageId", messageId, MAX_MESSAGE_ID,
                "a message id of 1-" + MAX_MESSAGE_ID + " characters is required");
    }

    /** A required one-line text of at most {@code max} characters, stripped. */
    static String text(String field, String value, int max) {
        return FreeText.required(field, value, max, "1-" + max + " characters are required");
    }

    static Verdict verdict(String verdict) {
        String verdicts = "CLEAN, BULK, SPAM, HIGH_CONFIDENCE_SPAM, PHISH, HIGH_CONFIDENCE_PHISH, MALWARE";
        if (verdict == null || verdict.isBlank()) {
            throw new InvalidValueException("verdict", "one of " + verdicts + " is required");
        }
        try {
            return Verdict.valueOf(verdict.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("verdict", FreeText.quoted(verdict) + " is not one of " + verdicts);
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
     * failing the decision. But no link finder reports more than {@link #MAX_URLS} links, a link
     * longer than {@link Probe#MAX_URL_LENGTH} or one with control or invisible characters: such a
     * list is refused, so that it is neither kept nor logged.
     */
    static List<Probe> urls(List<String> urls) {
        if (urls == null) {
            return List.of();
        }
        if (urls.size() > MAX_URLS) {
            throw new InvalidValueException("urls", "at most " + MAX_URLS + " URLs, not " + urls.size());
        }
        return urls.stream().map(MessageFields::url).flatMap(Optional::stream).distinct().toList();
    }

    private static Optional<Probe> url(String url) {
        String text = FreeText.optional("urls", url, Probe.MAX_URL_LENGTH);
        try {
            return text == null ? Optional.empty() : Optional.of(Probe.url(text));
        } catch (InvalidValueException notALink) {
            return Optional.empty();
        }
    }

    /** The client's address, when mail flow reports one (not blank), is a single IP address (v4 or v6). */
    static void checkClientIp(String clientIp) {
        if (clientIp != null && !clientIp.isBlank()) {
            Probe.ip(clientIp);
        }
    }
}
