package org.senderguard.application.port.out;

import java.util.List;
import java.util.Objects;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.outbound.Verdict;
import org.senderguard.domain.tenant.TenantId;

/**
 * A message as mail flow reported it: the id its client gave it and what it is (sender, recipients,
 * verdict). The client chooses the id, so the id alone does not stand for a message: a repeat is
 * answered from memory only when it is the same message under the same id, and anything else that
 * reuses a known id is another message, decided on its own merits. Recipients are kept sorted: the
 * same message reported with its recipients in another order is still the same message (a recipient
 * named twice counts twice, so it is kept twice).
 *
 * <p>An MTA's own transaction id (see {@link #ofTransaction}) is different: the MTA makes it unique,
 * and at the end of a transaction not every recipient is known, so the id and the sender stand for
 * the message; so does the reference of a verdict reported after the fact ({@link #ofVerdictReport}).
 * Neither kind has recipients, which a message reported whole always has.
 */
public final class MessageKey {

    private final TenantId tenantId;
    private final String messageId;
    private final EmailAddress sender;
    private final List<EmailAddress> recipients;
    private final Verdict verdict;
    /**
     * Written once: every batch looks a message up by it, hashes it and stores it, and a record
     * would write it out, and hash its recipients, anew each time.
     */
    private final String canonical;

    public MessageKey(TenantId tenantId, String messageId, EmailAddress sender, List<EmailAddress> recipients,
                      Verdict verdict) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.recipients = recipients.stream().sorted().toList();
        this.verdict = verdict;
        StringBuilder text = new StringBuilder(tenantId.toString()).append('\n')
                .append(messageId.length()).append(':').append(messageId).append('\n')
                .append(verdict == null ? "-" : verdict).append('\n').append(sender.value());
        this.recipients.forEach(recipient -> text.append('\n').append(recipient.value()));
        this.canonical = text.toString();
    }

    /** A message named by its MTA's transaction id (Postfix: instance and queue id), its verdict not yet known. */
    public static MessageKey ofTransaction(TenantId tenantId, String transactionId, EmailAddress sender) {
        return new MessageKey(tenantId, "transaction:" + transactionId, sender, List.of(), null);
    }

    /**
     * A filter's verdict on a message it names by queue id or Message-ID, and by its sender's
     * mailbox: counted once, whatever verdict or login a report repeats it with.
     */
    public static MessageKey ofVerdictReport(TenantId tenantId, String messageRef, EmailAddress sender) {
        return new MessageKey(tenantId, "verdict:" + messageRef, sender.mailbox(), List.of(), null);
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public String messageId() {
        return messageId;
    }

    public EmailAddress sender() {
        return sender;
    }

    /** Sorted. */
    public List<EmailAddress> recipients() {
        return recipients;
    }

    /** The verdict of a message reported whole; null for one named by its transaction id or a verdict report. */
    public Verdict verdict() {
        return verdict;
    }

    /**
     * The key as one unambiguous text, for stores that keep a digest of it: the message id is
     * length-prefixed, and the other parts cannot contain a line break. Two keys are equal exactly
     * when their texts are.
     */
    public String canonical() {
        return canonical;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageKey key && canonical.equals(key.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return "MessageKey[tenantId=" + tenantId + ", messageId=" + messageId + ", sender=" + sender + ", recipients="
                + recipients + ", verdict=" + verdict + "]";
    }
}
