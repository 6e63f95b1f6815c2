package org.senderguard.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.ListDelistingRequestsUseCase;
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.Page;
import org.senderguard.application.port.in.RequestDelistingCommand;
import org.senderguard.application.port.in.RequestDelistingUseCase;
import org.senderguard.application.port.in.ThirdPartyCatalogUseCase;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.application.port.out.DelistingRequests;
import org.senderguard.application.port.out.SpamSightings;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.blocklist.RegisteredDomains;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.delisting.DelistingRequest;
import org.senderguard.domain.delisting.DelistingStatus;
import org.senderguard.domain.reputation.ListedKind;
import org.senderguard.domain.reputation.ThirdPartyList;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;

/**
 * Admins' delisting requests. Requests to third-party lists are recorded and resolved by the
 * first reputation check that finds the value off the list. A domain of the tenant's own that the spam feed put on the service
 * list can be taken off by its admin, as often as the tenant's unblock limit allows; the limit is
 * counted under the block-list version lock, so racing requests take turns even across instances.
 */
public class DelistingService implements RequestDelistingUseCase, ListDelistingRequestsUseCase {

    private final DelistingRequests requests;
    private final BlockListStore store;
    private final SpamSightings sightings;
    private final BlockLists lists;
    private final FindTenantUseCase tenants;
    private final ThirdPartyCatalogUseCase catalog;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public DelistingService(DelistingRequests requests, BlockListStore store, SpamSightings sightings,
                            BlockLists lists, FindTenantUseCase tenants, ThirdPartyCatalogUseCase catalog,
                            AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
        this.requests = requests;
        this.sightings = sightings;
        this.store = store;
        this.lists = lists;
        this.tenants = tenants;
        this.catalog = catalog;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public DelistingRequest request(RequestDelistingCommand command) {
        return DelistingRequest.SERVICE.equals(command.list()) ? delistFromServiceList(command)
                : trackThirdPartyDelisting(command);
    }

    private DelistingRequest trackThirdPartyDelisting(RequestDelistingCommand command) {
        ThirdPartyList list = catalog.lists().stream().filter(l -> l.name().equalsIgnoreCase(command.list()))
                .findFirst().orElseThrow(() -> new InvalidValueException("list", "'" + command.list()
                        + "' is neither SERVICE nor a third-party list of the catalog"));
        ReputationTarget target = ReputationTarget.of(Probe.parse(command.value()));
        refuseUncheckable(list, target);
        Instant now = clock.instant();
        String listed = target.listedValue(list);
        DelistingRequest request = new DelistingRequest(UUID.randomUUID(), command.tenantId(), list.name(),
                listed, DelistingStatus.PENDING, command.reason(), command.actor().value(), now, null,
                "asked " + list.name() + (list.delistUrl() == null ? "" : " (" + list.delistUrl() + ")"));
        try {
            return unitOfWork.inTransaction(() -> {
                refuseIfPending(command.tenantId(), list, listed);
                requests.insert(request);
                audit.add(AuditRecord.of(command.tenantId(), command.actor(), "delisting-request.add",
                        "delisting-request:" + request.id(), null, list.name() + ": " + listed, now));
                return request;
            });
        } catch (ConflictException racing) {
            if (!ConflictException.CONCURRENT_CHANGE.equals(racing.type())) {
                throw racing; // refuseIfPending's own answer, or another refusal: nothing to look up again
            }
            // Another request for the same value was stored first: it is the one pending now.
            refuseIfPending(command.tenantId(), list, listed);
            throw racing;
        }
    }

    private void refuseIfPending(TenantId tenant, ThirdPartyList list, String listed) {
        requests.findPending(tenant, list.name(), listed).ifPresent(pending -> {
            throw new ConflictException("delisting-already-requested", list.name() + " was already asked to delist "
                    + FreeText.quoted(listed) + " at " + pending.requestedAt() + " (request " + pending.id()
                    + "); it is resolved when a check finds the value off the list");
        });
    }

    /**
     * A request is resolved by a check that finds the value off the list: a request the list cannot
     * be asked about is refused, naming why.
     */
    private static void refuseUncheckable(ThirdPartyList list, ReputationTarget target) {
        if (list.checks(target.kind())) {
            return;
        }
        String ask = list.delistUrl() == null ? "" : "; ask at " + list.delistUrl();
        if (!list.enabled()) {
            throw new InvalidValueException("list", list.name() + " is disabled, so senderguard cannot follow a "
                    + "delisting there" + ask);
        }
        if (list.zone() == null) {
            throw new InvalidValueException("list", list.name() + " has no DNS zone, so senderguard cannot check it "
                    + "to follow a delisting there" + ask);
        }
        throw new InvalidValueException("list", list.name() + " lists " + list.lists().stream().map(Enum::name)
                .sorted().collect(Collectors.joining(" and ")) + " values; '" + target.value() + "' is checked as "
                + (target.kind() == ListedKind.IP ? "an IP" : "a DOMAIN") + " value");
    }

    private DelistingRequest delistFromServiceList(RequestDelistingCommand command) {
        DomainName domain = DomainName.parse("value", command.value());
        Tenant tenant = tenants.byId(command.tenantId());
        if (!tenant.domains().covers(domain)) {
            throw new InvalidValueException("not-own-domain", "value", FreeText.quoted(domain.value()) + " is not one of your "
                    + "organization's accepted domains or their subdomains; ask Support to delist it");
        }
        Instant now = clock.instant();
        DelistingRequest done = unitOfWork.inTransaction(() -> {
            long version = store.beginChange();
            List<BlockListEntry> listed = store.findByValues(null, List.of(
                            BlockedValue.of(EntryType.DOMAIN, domain.value()),
                            BlockedValue.of(EntryType.DOMAIN, "*." + domain.value())))
                    .stream().filter(e -> e.source() == EntrySource.SPAM_MESSAGE && e.isActiveAt(now)).toList();
            if (listed.isEmpty()) {
                // Spam lists registered domains: a subdomain of one is delisted by delisting it.
                String registered = RegisteredDomains.of(domain).map(DomainName::value).orElse(domain.value());
                throw new NotFoundException(FreeText.quoted(domain.value()) + " is not on the service list because of "
                        + "spam" + (registered.equals(domain.value()) ? "" : " by itself; if it is blocked as a "
                        + "subdomain of " + FreeText.quoted(registered) + ", delist " + FreeText.quoted(registered)));
            }
            int limit = tenant.settings().unblockLimit();
            if (requests.countSince(tenant.id(), DelistingRequest.SERVICE,
                    now.minus(Duration.ofDays(tenant.settings().unblockWindowDays()))) >= limit) {
                throw new ConflictException("delisting-limit-reached", "your organization has already delisted "
                        + limit + " domains in the last " + tenant.settings().unblockWindowDays()
                        + " days; contact Support to delist '" + domain + "'");
            }
            store.delete(listed.stream().map(BlockListEntry::id).toList(), version);
            // The spam that listed it is answered for: three new senders list it again, not the next message.
            sightings.forget(domain);
            DelistingRequest request = new DelistingRequest(UUID.randomUUID(), tenant.id(), DelistingRequest.SERVICE,
                    domain.value(), DelistingStatus.RESOLVED, command.reason(), command.actor().value(), now, now,
                    "removed from the service list: " + listed.stream().map(e -> e.value().value())
                            .collect(Collectors.joining(", ")));
            requests.insert(request);
            listed.forEach(entry -> audit.add(AuditRecord.of(tenant.id(), command.actor(), "block-list.delist",
                    "block-list-entry:" + entry.id(), entry.value().value() + " (" + entry.source() + ")", null, now)));
            return request;
        });
        lists.refreshCommitted();
        return done;
    }

    @Override
    public Page<DelistingRequest> list(ListQuery query) {
        return Pages.newestFirst(query, (before, limit) -> requests.findByTenant(query.tenantId(), before, limit),
                DelistingRequest::id);
    }
}
