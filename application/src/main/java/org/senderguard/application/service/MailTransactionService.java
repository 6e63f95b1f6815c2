package org.senderguard.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.senderguard.application.port.in.DecideMailTransactionUseCase;
import org.senderguard.application.port.in.DecideMailTransactionUseCase.Undecidable;
import org.senderguard.application.port.in.FindTenantByDomainUseCase;
import org.senderguard.application.port.in.MailTransaction;
import org.senderguard.application.port.out.MailFlowMeter;
import org.senderguard.application.port.out.MailFlowMeter.Client;
import org.senderguard.application.port.out.MailFlowMeter.Direction;
import org.senderguard.application.port.out.MessageKey;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.outbound.SenderDomainRule;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;

/**
 * Decides SMTP transactions as an MTA reports them, with the rules of the mail-flow API: outbound
 * submissions go to the same batched decider as the API's outbound messages, inbound ones to the
 * same block-list checks as the API's inbound messages.
 */
public class MailTransactionService implements DecideMailTransactionUseCase {

    /** Whom the audit log names for the restrictions that an MTA's messages cause. */
    static final Actor MTA = new Actor("mta");

    private final FindTenantByDomainUseCase tenants;
    private final OutboundService outbound;
    private final InboundService inbound;
    private final OutboundChecks checks;
    private final RestrictedSenders restricted;
    private final Executor inboundExecutor;
    private final Clock clock;
    private final DecisionTimer timer;

    /**
     * @param inboundExecutor runs inbound decisions, which may ask third-party lists over DNS
     * @param meter           told each decision, as the policy server's
     */
    public MailTransactionService(FindTenantByDomainUseCase tenants, OutboundService outbound,
                                  InboundService inbound, OutboundChecks checks, RestrictedSenders restricted,
                                  Executor inboundExecutor, Clock clock, MailFlowMeter meter) {
        this.tenants = tenants;
        this.outbound = outbound;
        this.inbound = inbound;
        this.checks = checks;
        this.restricted = restricted;
        this.inboundExecutor = inboundExecutor;
        this.clock = clock;
        this.timer = new DecisionTimer(meter);
    }

    @Override
    public CompletableFuture<Decision> decide(MailTransaction transaction) {
        long start = System.nanoTime();
        EmailAddress sender = sentAs(transaction);
        if (sender == null && submission(transaction)) {
            return CompletableFuture.failedFuture(new Undecidable(nobodyAccountable(transaction)));
        }
        Optional<Tenant> submitter = submitter(transaction, sender);
        return timer.timed(Client.POSTFIX, submitter.isPresent() ? Direction.OUTBOUND : Direction.INBOUND, start,
                decide(transaction, sender, submitter));
    }

    private CompletableFuture<Decision> decide(MailTransaction transaction, EmailAddress sender,
                                               Optional<Tenant> submitter) {
        if (submitter.isPresent()) {
            Tenant tenant = submitter.get();
            Optional<Decision> foreign = unreadableSenderRefusal(tenant, transaction);
            if (foreign.isPresent()) {
                return CompletableFuture.completedFuture(foreign.get());
            }
            EmailAddress account = loginOf(tenant, transaction).orElse(sender);
            return transaction.stage() == MailTransaction.Stage.RECIPIENT
                    ? CompletableFuture.completedFuture(checkRecipient(tenant, account, sender,
                    transaction.recipients()))
                    : outbound.submit(endOfMessage(transaction, tenant.id(), account, sender))
                    .thenApply(OutboundDecider.Decided::decision);
        }
        if (transaction.stage() == MailTransaction.Stage.END_OF_MESSAGE) {
            return CompletableFuture.completedFuture(Decision.ACCEPT); // each recipient was checked as it came
        }
        Optional<TenantId> recipients = tenants.owner(transaction.recipients().get(0).domain()).map(Tenant::id);
        return CompletableFuture.supplyAsync(() -> inbound.decide(recipients, transaction.clientAddress(),
                inboundSender(transaction), List.of()), inboundExecutor);
    }

    /**
     * A submission whose envelope sender cannot be read as an address is counted against its login
     * (see {@link #sentAs}), but still sent in that sender's name: the domain rule applies to the
     * sender as written, so that a login cannot send as {@code "c e o"@another-organisation}.
     */
    private static Optional<Decision> unreadableSenderRefusal(Tenant tenant, MailTransaction transaction) {
        String unreadable = transaction.unreadableSender();
        return transaction.sender() != null || unreadable == null ? Optional.empty()
                : SenderDomainRule.check(tenant.domains(), FreeText.escaped(unreadable),
                domainOf("sender", unreadable));
    }

    /**
     * What inbound mail's sender is looked up as: its address; or, when only its domain can be read
     * (a quoted or 8-bit local part), that domain, so that the domain's listings still apply.
     */
    private static Probe inboundSender(MailTransaction transaction) {
        if (transaction.sender() != null) {
            return Probe.address(transaction.sender());
        }
        return domainOf("sender", transaction.unreadableSender()).map(Probe::domain).orElse(null);
    }

    /**
     * The address the message is sent as: its sender; or, for the null sender of a bounce (or a
     * sender the MTA could not name), the SASL login when it is an address, so that a logged-in
     * account cannot escape its limits and its restriction by sending with an empty envelope sender.
     */
    private static EmailAddress sentAs(MailTransaction transaction) {
        return transaction.sender() != null ? transaction.sender() : loginAddress(transaction).orElse(null);
    }

    /** The SASL login, when there is one and it is an address. */
    private static Optional<EmailAddress> loginAddress(MailTransaction transaction) {
        if (transaction.saslLogin() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EmailAddress.parse("sasl_username", transaction.saslLogin()));
        } catch (RuntimeException notAnAddress) {
            return Optional.empty();
        }
    }

    /**
     * Whether the MTA counts this as a submission whatever its sender: a login, or a trusted client
     * with a sender it could not read. A trusted client's bounce (the null sender) is nobody's.
     */
    private static boolean submission(MailTransaction transaction) {
        return transaction.saslLogin() != null
                || transaction.trustedClient() && transaction.unreadableSender() != null;
    }

    private static String nobodyAccountable(MailTransaction transaction) {
        return (transaction.unreadableSender() != null ? "sender " + FreeText.quoted(transaction.unreadableSender())
                + ", which is not an address senderguard can read," : "the empty sender") + " from "
                + (transaction.saslLogin() != null ? "the login " + FreeText.quoted(transaction.saslLogin())
                + ", which is no address either" : "a submitter network") + ": nobody to count the message against";
    }

    /**
     * The tenant whose outbound mail this is: the tenant of the SASL login's domain (whose sender
     * domain must then be its own, which the decider checks), else, for a login without a tenant's
     * domain or a trusted client, the tenant of the sender's domain. Mail nobody answers for (a
     * bounce from a trusted client) is nobody's submission.
     */
    private Optional<Tenant> submitter(MailTransaction transaction, EmailAddress sender) {
        if (sender == null || (transaction.saslLogin() == null && !transaction.trustedClient())) {
            return Optional.empty();
        }
        return domainOf("sasl_username", transaction.saslLogin()).flatMap(tenants::owner)
                .or(() -> tenants.owner(sender.domain()));
    }

    /** The domain after the last '@' of what may be an address (null: none), if it is one. */
    private static Optional<DomainName> domainOf(String field, String text) {
        int at = text == null ? -1 : text.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(DomainName.parse(field, text.substring(at + 1)));
        } catch (RuntimeException notADomain) {
            return Optional.empty();
        }
    }

    /**
     * The account that answers for a tenant's submission whatever sender it names: its SASL login,
     * when that is an address of one of the tenant's domains; so that a logged-in account cannot
     * spread its mail over other senders to stay under its limits, nor send on under another sender
     * once restricted (the sender it names must not be restricted either).
     */
    private static Optional<EmailAddress> loginOf(Tenant tenant, MailTransaction transaction) {
        return loginAddress(transaction).filter(login -> tenant.domains().covers(login.domain()));
    }

    /**
     * A recipient of outbound mail, from memory: refused for the rules that need no count, or while
     * the account or an address the message is sent as is restricted; nothing is counted, so no
     * database transaction is needed.
     */
    private Decision checkRecipient(Tenant tenant, EmailAddress account, EmailAddress sender,
                                    List<EmailAddress> recipients) {
        Instant now = clock.instant();
        return checks.refusal(tenant, sender, recipients, now)
                .or(() -> restricted.refusal(tenant.id(), account, now))
                .or(() -> restricted.aliasRefusal(tenant.id(), account, sender, now))
                .orElse(Decision.deliver(false));
    }

    private Submission endOfMessage(MailTransaction transaction, TenantId tenant, EmailAddress account,
                                    EmailAddress sender) {
        return new Submission(Submission.Kind.MESSAGE, tenant, MTA,
                MessageKey.ofTransaction(tenant, transaction.transactionId(), account), account, sender,
                transaction.recipients(), transaction.recipientCount() - transaction.recipients().size(), null,
                List.of());
    }
}
