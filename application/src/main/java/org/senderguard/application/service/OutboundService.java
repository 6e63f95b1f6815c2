package org.senderguard.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.senderguard.application.port.in.DecideOutboundUseCase;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.OutboundMessageCommand;
import org.senderguard.application.port.out.AlertRepository;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.out.MessageKey;
import org.senderguard.application.port.out.ProcessedMessages;
import org.senderguard.application.port.out.SenderStatusRepository;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.Ndr;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.outbound.MessageWeight;
import org.senderguard.domain.outbound.OutboundSpamPolicies;
import org.senderguard.domain.outbound.SenderKey;
import org.senderguard.domain.outbound.SenderStatus;
import org.senderguard.domain.outbound.SendingEnforcement;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;

/**
 * Decides outbound messages in batches: the messages waiting when a decider is free are decided
 * together in one transaction, which locks their senders and reads their states (tallies included)
 * with one statement, writes the new tallies and the decisions with one statement each, and
 * commits once. Every answer follows the commit
 * that makes it durable.
 */
public class OutboundService implements DecideOutboundUseCase {

    private final FindTenantUseCase tenants;
    private final PolicyService policies;
    private final SenderStatusRepository statuses;
    private final ProcessedMessages processed;
    private final AlertRepository alerts;
    private final AlertDispatcher dispatcher;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final BlockLists blockLists;
    private final SpamFeed spamFeed;
    private final Batcher<OutboundMessageCommand, Decision> batcher;

    /**
     * @param deciders runs {@code deciderCount} loops that take batches; shutting it down stops them
     * @param maxBatch the most messages decided in one transaction
     * @param answerTimeout the longest a caller waits for its decision: the database's configured wait
     */
    public OutboundService(FindTenantUseCase tenants, PolicyService policies, SenderStatusRepository statuses,
                           ProcessedMessages processed, AlertRepository alerts,
                           AlertDispatcher dispatcher, AuditLog audit, UnitOfWork unitOfWork, Clock clock,
                           BlockLists blockLists, SpamFeed spamFeed, ExecutorService deciders, int deciderCount,
                           int maxBatch, Duration answerTimeout) {
        this.tenants = tenants;
        this.policies = policies;
        this.statuses = statuses;
        this.processed = processed;
        this.alerts = alerts;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.blockLists = blockLists;
        this.spamFeed = spamFeed;
        this.batcher = new Batcher<>(messages -> decideAll(messages).stream().map(Decided::decision).toList(),
                deciders, deciderCount, maxBatch, answerTimeout, () -> new DatabaseUnavailableException(
                        "no decision within " + answerTimeout.toMillis() + " ms"));
    }

    /**
     * Completes when the batch that holds the message has committed, or within the answer timeout
     * with a {@link DatabaseUnavailableException}: a decision is answered only once it is recorded.
     */
    @Override
    public CompletableFuture<Decision> decide(OutboundMessageCommand message) {
        return batcher.submit(message);
    }

    /** The decisions for the messages, in their order; a repeated message (see {@link MessageKey}) gets the first answer. */
    List<Decided> decideAll(List<OutboundMessageCommand> messages) {
        try {
            return decideOnce(messages);
        } catch (ConflictException sameMessageDecidedConcurrently) {
            // Another batch stored a decision for one of these message ids first and has committed
            // it by now, so deciding again answers that message as the duplicate it is.
            return decideOnce(messages);
        }
    }

    private List<Decided> decideOnce(List<OutboundMessageCommand> messages) {
        Map<TenantId, Tenant> tenantsById = new HashMap<>();
        Map<TenantId, OutboundSpamPolicies> policiesByTenant = new HashMap<>();
        for (OutboundMessageCommand message : messages) {
            tenantsById.computeIfAbsent(message.tenantId(), tenants::byId);
            policiesByTenant.computeIfAbsent(message.tenantId(), policies::policiesOf);
        }
        Instant now = clock.instant();
        List<Decided> decided = unitOfWork.inTransaction(() -> {
            List<SenderKey> senders = messages.stream().map(m -> new SenderKey(m.tenantId(), m.sender())).toList();
            Map<SenderKey, SenderStatus> locked = statuses.lockAll(senders);
            List<MessageKey> keys = messages.stream().map(OutboundService::key).toList();
            Map<MessageKey, Decision> answered = new HashMap<>(processed.find(keys));
            Map<SenderKey, SenderStatus> changed = new LinkedHashMap<>();
            Map<MessageKey, Decision> newAnswers = new LinkedHashMap<>();
            List<Decided> results = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                OutboundMessageCommand message = messages.get(i);
                MessageKey key = keys.get(i);
                if (answered.containsKey(key)) {
                    results.add(new Decided(answered.get(key), null));
                    continue;
                }
                Tenant tenant = tenantsById.get(message.tenantId());
                SenderKey sender = senders.get(i);
                Decided result;
                List<EmailAddress> blocked;
                if (!tenant.domains().covers(message.sender().domain())) {
                    result = new Decided(Ndr.unregisteredDomain(message.sender()), null);
                } else if (!(blocked = blockedRecipients(message, now)).isEmpty()) {
                    result = new Decided(Ndr.blockedRecipients(blocked), null);
                } else {
                    result = enforce(message, tenant, policiesByTenant.get(tenant.id()), sender, locked, changed,
                            now);
                }
                answered.put(key, result.decision());
                newAnswers.put(key, result.decision());
                results.add(result);
            }
            saveChanges(locked, changed);
            processed.save(newAnswers, now);
            return results;
        });
        decided.stream().filter(d -> d.alert() != null).forEach(d -> dispatcher.dispatch(d.alert()));
        messages.forEach(spamFeed::observeLater);
        return decided;
    }

    private static MessageKey key(OutboundMessageCommand message) {
        return new MessageKey(message.tenantId(), message.messageId(), message.sender(), message.recipients(),
                message.verdict());
    }

    /** The recipients that the tenant's own block list blocks. */
    private List<EmailAddress> blockedRecipients(OutboundMessageCommand message, Instant now) {
        return message.recipients().stream()
                .filter(r -> !blockLists.tenant(message.tenantId(), Probe.address(r), now).isEmpty()).toList();
    }

    /**
     * One message under its policy, against the sender's status as the batch has changed it so far
     * (or as locked), recording the status it leaves in {@code changed}.
     */
    private Decided enforce(OutboundMessageCommand message, Tenant tenant, OutboundSpamPolicies tenantPolicies,
                            SenderKey sender, Map<SenderKey, SenderStatus> locked,
                            Map<SenderKey, SenderStatus> changed, Instant now) {
        var policy = tenantPolicies.forSender(message.sender());
        MessageWeight weight = weigh(tenant, message);
        SenderStatus before = changed.getOrDefault(sender, locked.get(sender));
        SendingEnforcement.Outcome outcome = SendingEnforcement.decide(before, policy, before.tally().usageAt(now),
                weight, now);
        SenderStatus after = outcome.counted() ? outcome.status().counting(weight, now) : outcome.status();
        if (!after.equals(before)) {
            changed.put(sender, after);
        }
        if (after.restriction() != before.restriction()) {
            audit.add(AuditRecord.of(tenant.id(), message.actor(), "restriction.add", "user:" + message.sender(),
                    null, after.restriction(), now));
        }
        Alert alert = outcome.alert().map(kind -> Alert.raise(tenant.id(), kind, message.sender(),
                outcome.alertDetail(), policy.notifyRecipients(), now)).orElse(null);
        if (alert != null) {
            alerts.insert(alert);
        }
        return new Decided(outcome.decision(), alert);
    }

    /** Most changes are new tallies, written together; the rare others are saved whole. */
    private void saveChanges(Map<SenderKey, SenderStatus> locked, Map<SenderKey, SenderStatus> changed) {
        List<SenderStatus> tallies = new ArrayList<>();
        changed.forEach((sender, after) -> {
            if (locked.get(sender).differsOnlyInTally(after)) {
                tallies.add(after);
            } else {
                statuses.save(after);
            }
        });
        statuses.saveTallies(tallies);
    }

    /** Every recipient counts; internal ones are in the tenant's accepted domains or their subdomains. */
    private static MessageWeight weigh(Tenant tenant, OutboundMessageCommand message) {
        int internal = (int) message.recipients().stream().filter(r -> tenant.domains().covers(r.domain())).count();
        return new MessageWeight(message.recipients().size() - internal, internal, message.verdict().isSpam() ? 1 : 0);
    }

    /** A decision and the alert it raised, which is sent only once the transaction has committed. */
    record Decided(Decision decision, Alert alert) {
    }

}
