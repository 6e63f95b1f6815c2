package org.senderguard.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.out.AlertRepository;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.MessageKey;
import org.senderguard.application.port.out.ProcessedMessages;
import org.senderguard.application.port.out.RestrictionMeter;
import org.senderguard.application.port.out.SenderStatusRepository;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.outbound.HighRiskPool;
import org.senderguard.domain.outbound.Limit;
import org.senderguard.domain.outbound.MessageWeight;
import org.senderguard.domain.outbound.OutboundSpamPolicies;
import org.senderguard.domain.outbound.SenderKey;
import org.senderguard.domain.outbound.SenderStatus;
import org.senderguard.domain.outbound.SendingEnforcement;
import org.senderguard.domain.outbound.SendingUsage;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;

/**
 * Decides outbound submissions together, synchronously, in one transaction: it locks their senders
 * and reads their states (tallies included) with one statement, applies the rules of the domain to
 * each in turn, writes the new tallies and the decisions with one statement each, and commits once.
 * Alerts are dispatched after the commit. {@link OutboundService} feeds it batches.
 */
public class OutboundDecider {

    private final FindTenantUseCase tenants;
    private final PolicyService policies;
    private final SenderStatusRepository statuses;
    private final ProcessedMessages processed;
    private final AlertRepository alerts;
    private final AlertDispatcher dispatcher;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final OutboundChecks checks;
    private final RestrictedSenders restricted;
    private final RestrictionMeter restrictions;

    /** @param restrictions told each restriction once its batch has committed */
    public OutboundDecider(FindTenantUseCase tenants, PolicyService policies, SenderStatusRepository statuses,
                           ProcessedMessages processed, AlertRepository alerts, AlertDispatcher dispatcher,
                           AuditLog audit, UnitOfWork unitOfWork, Clock clock, OutboundChecks checks,
                           RestrictedSenders restricted, RestrictionMeter restrictions) {
        this.tenants = tenants;
        this.policies = policies;
        this.statuses = statuses;
        this.processed = processed;
        this.alerts = alerts;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.checks = checks;
        this.restricted = restricted;
        this.restrictions = restrictions;
    }

    /** The decisions, in the submissions' order; a repeated message (see {@link MessageKey}) gets the first answer. */
    List<Decided> decideAll(List<Submission> submissions) {
        List<Decided> decided;
        try {
            decided = decideOnce(submissions);
        } catch (ConflictException sameMessageDecidedConcurrently) {
            // Another batch stored a decision for one of these messages first and has committed it by
            // now, so deciding again answers that message as the repeat it is.
            decided = decideOnce(submissions);
        }
        decided.stream().filter(d -> d.alert() != null).forEach(d -> dispatcher.dispatch(d.alert()));
        return decided;
    }

    private List<Decided> decideOnce(List<Submission> reported) {
        Map<TenantId, Tenant> tenantsById = new HashMap<>();
        Map<TenantId, OutboundSpamPolicies> policiesByTenant = new HashMap<>();
        for (Submission submission : reported) {
            tenantsById.computeIfAbsent(submission.tenantId(), tenants::byId);
            policiesByTenant.computeIfAbsent(submission.tenantId(), policies::policiesOf);
        }
        List<Submission> submissions = reported.stream()
                .map(s -> s.answeredWithin(tenantsById.get(s.tenantId()))).toList();
        List<SenderKey> senders = submissions.stream().map(s -> new SenderKey(s.tenantId(), s.sender())).toList();
        // From memory, and before the transaction: it must not fill the memory with what it may roll
        // back, nor hold its senders' rows while block lists that are still loading are waited for.
        Instant checkedAt = clock.instant();
        List<Optional<Decision>> refusals = submissions.stream().map(s -> refusal(s,
                tenantsById.get(s.tenantId()), checkedAt)).toList();
        Committed committed = decideStored(submissions, refusals, tenantsById, policiesByTenant, senders);
        if (!committed.unstored().isEmpty()) {
            // Senders' first messages: store them, then decide the batch with every sender stored.
            Set<SenderKey> unstored = committed.unstored();
            unitOfWork.inTransaction(() -> {
                statuses.addNew(unstored);
                return null;
            });
            committed = decideStored(submissions, refusals, tenantsById, policiesByTenant, senders);
            if (!committed.unstored().isEmpty()) {
                throw new IllegalStateException("senders not stored although just added: " + committed.unstored());
            }
        }
        committed.restrictionsChanged().forEach(restricted::forget);
        committed.restrictedBy().forEach(restrictions::restricted);
        return committed.decided();
    }

    /**
     * Decides the batch in one transaction that starts by locking its senders; if some are not
     * stored yet, it ends there, holding no lock while they are stored.
     *
     * @param refusals by submission, its rejection by the rules that count nothing ({@link #refusal})
     */
    private Committed decideStored(List<Submission> submissions, List<Optional<Decision>> refusals,
                                   Map<TenantId, Tenant> tenantsById,
                                   Map<TenantId, OutboundSpamPolicies> policiesByTenant, List<SenderKey> senders) {
        // A refused submission counts nothing: its sender is neither stored nor locked for it, so
        // that senders anyone can name (another organisation's) leave no row behind.
        List<SenderKey> counting = IntStream.range(0, senders.size()).filter(i -> refusals.get(i).isEmpty())
                .mapToObj(senders::get).distinct().toList();
        return unitOfWork.inTransaction(() -> {
            Map<SenderKey, SenderStatus> locked = counting.isEmpty() ? Map.of() : statuses.lockStored(counting);
            // Read once the senders are held: a batch that waited for them counts after the one that
            // held them, whose counts, up to its own time, it sees; read before, the time could fall
            // in a minute before that batch's and its counts would be left out of the hour.
            Instant now = clock.instant();
            Set<SenderKey> unstored = new HashSet<>(counting);
            unstored.removeAll(locked.keySet());
            if (!unstored.isEmpty()) {
                return Committed.unstored(unstored);
            }
            Map<MessageKey, Decision> answered = new HashMap<>(processed.find(
                    submissions.stream().map(Submission::key).toList()));
            Batch batch = new Batch(locked, now);
            Map<MessageKey, Decision> newAnswers = new LinkedHashMap<>();
            List<Decided> results = new ArrayList<>();
            for (int i = 0; i < submissions.size(); i++) {
                Submission submission = submissions.get(i);
                MessageKey key = submission.key();
                if (answered.containsKey(key)) {
                    results.add(new Decided(answered.get(key), null, false));
                    continue;
                }
                Tenant tenant = tenantsById.get(submission.tenantId());
                Decided result = decide(submission, refusals.get(i), tenant, policiesByTenant.get(tenant.id()),
                        senders.get(i), batch);
                answered.put(key, result.decision());
                newAnswers.put(key, result.decision());
                results.add(result);
            }
            saveChanges(locked, batch.changed);
            Set<TenantId> restrictionsChanged = batch.restrictionsChanged();
            restrictionsChanged.forEach(restricted::changing);
            processed.save(newAnswers, now);
            // Last before the commit: nothing is written after it but the commit.
            if (clock.instant().isAfter(now.plus(ProcessedMessages.LATEST_SAVE))) {
                throw new DatabaseUnavailableException("a decision batch took longer than "
                        + ProcessedMessages.LATEST_SAVE.toSeconds() + " s; its decisions were not saved");
            }
            return new Committed(results, restrictionsChanged, batch.restrictedBy(), Set.of());
        });
    }

    /**
     * What a batch's transaction committed: its decisions, the tenants whose restricted senders
     * changed, and the limits of the restrictions it imposed; or nothing but the senders it found
     * not stored.
     */
    private record Committed(List<Decided> decided, Set<TenantId> restrictionsChanged, List<Limit> restrictedBy,
                             Set<SenderKey> unstored) {

        static Committed unstored(Set<SenderKey> senders) {
            return new Committed(List.of(), Set.of(), List.of(), senders);
        }
    }

    /** The senders' statuses as locked, and as this batch has changed them so far, with the restrictions imposed. */
    private record Batch(Map<SenderKey, SenderStatus> locked, Map<SenderKey, SenderStatus> changed,
                         List<Limit> restrictedBy, Instant now) {

        Batch(Map<SenderKey, SenderStatus> locked, Instant now) {
            this(locked, new LinkedHashMap<>(), new ArrayList<>(), now);
        }

        SenderStatus current(SenderKey sender) {
            return changed.getOrDefault(sender, locked.get(sender));
        }

        Set<TenantId> restrictionsChanged() {
            return changed.entrySet().stream()
                    .filter(change -> change.getValue().restriction() != locked.get(change.getKey()).restriction())
                    .map(change -> change.getKey().tenantId()).collect(Collectors.toSet());
        }
    }

    /**
     * The rules that refuse a submission before anything is counted, on what is held in memory: its
     * sender's domain, its recipients on the tenant's list, and a message sent as a restricted
     * address other than its sender's.
     */
    private Optional<Decision> refusal(Submission s, Tenant tenant, Instant now) {
        return checks.refusal(tenant, s.envelopeSender(), s.recipients(), now)
                .or(() -> s.kind() == Submission.Kind.MESSAGE
                        ? restricted.aliasRefusal(s.tenantId(), s.sender(), s.envelopeSender(), now)
                        : Optional.empty());
    }

    private Decided decide(Submission submission, Optional<Decision> refused, Tenant tenant,
                           OutboundSpamPolicies tenantPolicies, SenderKey sender, Batch batch) {
        if (refused.isPresent()) {
            return new Decided(refused.get(), null, false);
        }
        return enforce(submission, tenant, tenantPolicies, sender, batch);
    }

    /** One message or verdict under its policy, recording the sender's new status in the batch. */
    private Decided enforce(Submission submission, Tenant tenant, OutboundSpamPolicies tenantPolicies,
                            SenderKey sender, Batch batch) {
        Instant now = batch.now();
        var policy = tenantPolicies.forSender(submission.sender());
        MessageWeight weight = MessageWeight.of(tenant.domains(), submission.recipients(),
                submission.unknownRecipients(), submission.spam());
        SenderStatus before = batch.current(sender);
        SendingUsage usage = before.tally().usageAt(now);
        SendingEnforcement.Outcome outcome = SendingEnforcement.decide(before, policy, usage, weight,
                HighRiskPool.routes(submission.verdict(), usage), now);
        SenderStatus after = outcome.counted() ? outcome.status().counting(weight, now) : outcome.status();
        if (!after.equals(before)) {
            batch.changed().put(sender, after);
        }
        if (after.restriction() != before.restriction()) {
            batch.restrictedBy().add(after.restriction().limit());
            audit.add(AuditRecord.of(tenant.id(), submission.actor(), "restriction.add",
                    "user:" + submission.sender(), null, after.restriction().describe(), now));
        }
        Alert alert = outcome.alert().map(kind -> Alert.raise(tenant.id(), kind, submission.sender(),
                outcome.alertDetail(), policy.notifyRecipients(), now)).orElse(null);
        if (alert != null) {
            alerts.insert(alert);
        }
        return new Decided(outcome.decision(), alert, outcome.counted());
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

    /**
     * A decision, the alert it raised (sent once the transaction has committed), and whether the
     * submission was counted.
     */
    record Decided(Decision decision, Alert alert, boolean counted) {
    }
}
