package org.senderguard.application.service;

import java.util.List;
import java.util.Objects;
import org.senderguard.application.port.in.OutboundMessageCommand;
import org.senderguard.application.port.in.VerdictReport;
import org.senderguard.application.port.out.MessageKey;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.outbound.Verdict;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;

/**
 * One thing to decide for a tenant's outbound mail, whichever adapter reported it.
 *
 * @param key               names the message or verdict, which is decided once
 * @param sender            who answers for the message: counted, restricted, and under whose policy;
 *                          a mailbox, without a subaddress ({@code user@} for {@code user+tag@}), so
 *                          that the subaddresses of one mailbox share its limits and its restriction
 * @param envelopeSender    the sender the message names, whose domain must be the tenant's: the
 *                          same as {@code sender} but where an MTA's login answers for the message
 * @param unknownRecipients recipients counted without their addresses (as external ones)
 * @param verdict           the message's verdict, or null when it is not known yet
 */
record Submission(Kind kind, TenantId tenantId, Actor actor, MessageKey key, EmailAddress sender,
                  EmailAddress envelopeSender, List<EmailAddress> recipients, int unknownRecipients, Verdict verdict,
                  List<Probe> urls) {

    enum Kind {
        /** A whole message: checked, decided and counted against the sender's limits. */
        MESSAGE,
        /** A spam verdict reported after the message was decided: counts the spam alone. */
        VERDICT
    }

    Submission {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(envelopeSender, "envelopeSender");
        Objects.requireNonNull(key, "key");
        sender = sender.mailbox();
        recipients = List.copyOf(recipients);
        urls = List.copyOf(urls);
    }

    /** A submission whose sender answers for it. */
    Submission(Kind kind, TenantId tenantId, Actor actor, MessageKey key, EmailAddress sender,
               List<EmailAddress> recipients, int unknownRecipients, Verdict verdict, List<Probe> urls) {
        this(kind, tenantId, actor, key, sender, sender, recipients, unknownRecipients, verdict, urls);
    }

    static Submission of(OutboundMessageCommand message) {
        return new Submission(Kind.MESSAGE, message.tenantId(), message.actor(),
                new MessageKey(message.tenantId(), message.messageId(), message.sender(), message.recipients(),
                        message.verdict()),
                message.sender(), message.recipients(), 0, message.verdict(), message.urls());
    }

    /** Answered for by its login when it names one: see {@link #answeredWithin}. */
    static Submission of(VerdictReport report) {
        return new Submission(Kind.VERDICT, report.tenantId(), report.actor(), MessageKey.ofVerdictReport(
                report.tenantId(), report.messageRef(), report.sender()),
                report.login() != null ? report.login() : report.sender(), report.sender(), List.of(), 0,
                report.verdict(), List.of());
    }

    /**
     * This submission, answered for by its sender when the account named for it is not an address
     * of the tenant's (a verdict report's login of another domain), as at the end of a message.
     */
    Submission answeredWithin(Tenant tenant) {
        return tenant.domains().covers(sender.domain()) ? this
                : new Submission(kind, tenantId, actor, key, envelopeSender, envelopeSender, recipients,
                unknownRecipients, verdict, urls);
    }

    boolean spam() {
        return verdict != null && verdict.isSpam();
    }
}
