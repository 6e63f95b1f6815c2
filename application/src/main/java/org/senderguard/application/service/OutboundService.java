package org.senderguard.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.senderguard.application.port.in.DecideOutboundUseCase;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.OutboundMessageCommand;
import org.senderguard.application.port.out.AlertRepository;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.ProcessedMessages;
import org.senderguard.application.port.out.SenderStatusRepository;
import org.senderguard.application.port.out.SendingCounters;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.Ndr;
import org.senderguard.domain.outbound.MessageWeight;
import org.senderguard.domain.outbound.OutboundSpamPolicy;
import org.senderguard.domain.outbound.SenderStatus;
import org.senderguard.domain.outbound.SendingEnforcement;
import org.senderguard.domain.tenant.Tenant;

public class OutboundService implements DecideOutboundUseCase {

    private final FindTenantUseCase tenants;
    private final PolicyService policies;
    private final SenderStatusRepository statuses;
    private final SendingCounters counters;
    private final ProcessedMessages processed;
    private final AlertRepository alerts;
    private final AlertDispatcher dispatcher;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public OutboundService(FindTenantUseCase tenants, PolicyService policies, SenderStatusRepository statuses,
                           SendingCounters counters, ProcessedMessages processed, AlertRepository alerts,
                           AlertDispatcher dispatcher, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
        this.tenants = tenants;
        this.policies = policies;
        this.statuses = statuses;
        this.counters = counters;
        this.processed = processed;
        this.alerts = alerts;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Decision decide(OutboundMessageCommand message) {
        Tenant tenant = tenants.byId(message.tenantId());
        OutboundSpamPolicy policy = policies.policiesOf(tenant.id()).forSender(message.sender());
        Instant now = clock.instant();
        Decided decided = unitOfWork.inTransaction(() -> {
            // The sender's lock serialises this sender's messages, so a duplicate is seen here too.
            SenderStatus status = statuses.lock(tenant.id(), message.sender());
            Optional<Decision> earlier = processed.find(tenant.id(), message.messageId());
            if (earlier.isPresent()) {
                return new Decided(earlier.get(), null);
            }
            Decided answer;
            if (!tenant.domains().covers(message.sender().domain())) {
                answer = new Decided(Ndr.unregisteredDomain(message.sender()), null);
            } else {
                MessageWeight weight = weigh(tenant, message);
                SendingEnforcement.Outcome outcome = SendingEnforcement.decide(status, policy,
                        counters.usage(tenant.id(), message.sender(), now), weight, now);
                if (outcome.counted()) {
                    counters.add(tenant.id(), message.sender(), weight, now);
                }
                if (!outcome.status().equals(status)) {
                    statuses.save(outcome.status());
                }
                if (outcome.status().restriction() != status.restriction()) {
                    audit.add(AuditRecord.of(tenant.id(), message.actor(), "restriction.add",
                            "user:" + message.sender(), null, outcome.status().restriction(), now));
                }
                Alert alert = outcome.alert().map(kind -> Alert.raise(tenant.id(), kind, message.sender(),
                        outcome.alertDetail(), policy.notifyRecipients(), now)).orElse(null);
                if (alert != null) {
                    alerts.insert(alert);
                }
                answer = new Decided(outcome.decision(), alert);
            }
            processed.save(tenant.id(), message.messageId(), answer.decision(), now);
            return answer;
        });
        if (decided.alert() != null) {
            dispatcher.dispatch(decided.alert());
        }
        return decided.decision();
    }

    /** A decision and the alert it raised, which is sent only once the transaction has committed. */
    private record Decided(Decision decision, Alert alert) {
    }

    /** Every recipient counts; internal ones are in the tenant's accepted domains or their subdomains. */
    private static MessageWeight weigh(Tenant tenant, OutboundMessageCommand message) {
        int internal = (int) message.recipients().stream().filter(r -> tenant.domains().covers(r.domain())).count();
        return new MessageWeight(message.recipients().size() - internal, internal, message.verdict().isSpam() ? 1 : 0);
    }
}
