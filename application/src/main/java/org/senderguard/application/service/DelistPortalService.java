package org.senderguard.application.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.senderguard.application.port.in.ConfirmDelistUseCase;
import org.senderguard.application.port.in.DelistLinkCommand;
import org.senderguard.application.port.in.DelistReview;
import org.senderguard.application.port.in.ListPortalRequestsUseCase;
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.PortalRequestSummary;
import org.senderguard.application.port.in.RequestDelistLinkUseCase;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.application.port.out.DelistLinkMailer;
import org.senderguard.application.port.out.PortalMeter;
import org.senderguard.application.port.out.PortalMeter.Refusal;
import org.senderguard.application.port.out.PortalRequests;
import org.senderguard.application.port.out.RateCounters;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.blocklist.ListedEntry;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.common.TooManyRequestsException;
import org.senderguard.domain.delisting.DelistPlan;
import org.senderguard.domain.delisting.PortalRequest;
import org.senderguard.domain.delisting.PortalRequestStatus;
import org.senderguard.domain.delisting.PortalToken;

/**
 * The self-service delist portal: a sender asks for a link for one email address and one IP
 * address, follows the link mailed to that address, and confirms. Confirming delists, from the
 * service list, what {@link DelistPlan} allows. Link requests are counted per client address and
 * per email address in the database, so the limits hold across instances.
 */
public class DelistPortalService implements RequestDelistLinkUseCase, ConfirmDelistUseCase,
        ListPortalRequestsUseCase {

    private static final System.Logger LOG = System.getLogger(DelistPortalService.class.getName());
    private static final Duration RATE_WINDOW = Duration.ofHours(1);
    private static final String LINK_USED = "link-used";
    private static final String SERVICE_COUNTER = "service";

    private final PortalRequests requests;
    private final RateCounters counters;
    private final DelistLinkMailer mailer;
    private final BlockListStore store;
    private final BlockLists lists;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final SecureRandom random;
    private final PortalSettings settings;
    private final PortalMeter meter;

    /** @param meter told each request taken and each refused, by reason */
    public DelistPortalService(PortalRequests requests, RateCounters counters, DelistLinkMailer mailer,
                               BlockListStore store, BlockLists lists, AuditLog audit, UnitOfWork unitOfWork,
                               Clock clock, SecureRandom random, PortalSettings settings, PortalMeter meter) {
        this.requests = requests;
        this.counters = counters;
        this.mailer = mailer;
        this.store = store;
        this.lists = lists;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.random = random;
        this.settings = settings;
        this.meter = meter;
    }

    @Override
    public boolean requestLink(DelistLinkCommand command) {
        Instant now = clock.instant();
        PortalToken token = PortalToken.generate(random);
        PortalRequest request = PortalRequest.open(command.address(), command.ip(), token, command.clientIp(), now);
        try {
            unitOfWork.inTransaction(() -> {
                countWithinLimits(command, now);
                requests.insert(request);
                audit.add(AuditRecord.of(null, actor(request), "portal.link-requested", target(request), null,
                        "email " + request.address() + ", ip " + request.ip() + ", from " + request.clientIp(), now));
                return null;
            });
        } catch (LimitReached e) {
            meter.refused(e.reason);
            recordFirst(e.counter, request, "portal.rate-limited",
                    e.getMessage() + " (from " + request.clientIp() + ")");
            throw e.answer;
        }
        meter.accepted(PortalMeter.Request.LINK);
        try {
            mailer.send(request.address(), request.ip(), settings.portalUrl().get() + "/confirm?token="
                    + token.value(), request.expiresAt());
            return true;
        } catch (DelistLinkMailer.RecipientRefused e) {
            // The requester's mistake or a probe, not a fault: answered as if mailed, lest the portal
            // tell which of a relay's mailboxes exist.
            LOG.log(System.Logger.Level.INFO, "the relay refused the address of portal request " + request.id()
                    + ": " + e.getMessage());
            markMailFailed(request, "the relay refused the address: " + e.getMessage());
            return true;
        } catch (RuntimeException e) {
            String failed = "could not mail the delist link of portal request " + request.id();
            if (e instanceof DelistLinkMailer.NotMailed) {
                LOG.log(System.Logger.Level.WARNING, failed + ": " + e.getMessage()); // the setup, not a fault: no trace
            } else {
                LOG.log(System.Logger.Level.WARNING, failed, e);
            }
            markMailFailed(request, String.valueOf(e.getMessage()));
            return false;
        }
    }

    /** @param why kept on one line: a relay's error may span several */
    private void markMailFailed(PortalRequest request, String why) {
        String reason = why.strip().replaceAll("\\s+", " ");
        unitOfWork.inTransaction(() -> {
            requests.markMailFailed(request.id(), reason);
            audit.add(AuditRecord.of(null, actor(request), "portal.mail-failed", target(request), null, reason,
                    clock.instant()));
            return null;
        });
    }

    /**
     * Counts the request for its client (an IPv4 address or an IPv6 /64) and the network that holds
     * it (an IPv4 /24 or IPv6 /48, which holds 65,536 /64s), its email mailbox, the IP it would
     * delist from that client, and the service; counted in the request's transaction, so a refused
     * one leaves no count. The IP is counted per client so that strangers cannot spend the budget
     * of the IP's owner. Anyone may name any address: the network's count bounds the mail one
     * holder of addresses can have sent, the service's all the portal sends in an hour.
     */
    private void countWithinLimits(DelistLinkCommand command, Instant now) {
        Instant window = rateWindow(now);
        Duration retryAfter = Duration.between(now, window.plus(RATE_WINDOW));
        Probe.Ip clientIp = Probe.ip("clientIp", command.clientIp());
        String client = "client:" + clientIp.clientNetwork();
        if (counters.increment(client, window) > settings.requestsPerClientPerHour()) {
            throw new LimitReached(Refusal.CLIENT_LIMIT, client, "too many delisting requests from your network",
                    retryAfter);
        }
        String network = "network:" + clientIp.holderNetwork();
        if (counters.increment(network, window) > settings.requestsPerNetworkPerHour()) {
            throw new LimitReached(Refusal.NETWORK_LIMIT, network, "too many delisting requests from your network",
                    retryAfter);
        }
        // Per mailbox: user+1@, user+2@ ... would otherwise each get their own mails to the one inbox.
        String mailbox = "address:" + command.address().mailbox();
        if (counters.increment(mailbox, window) > settings.requestsPerAddressPerHour()) {
            throw new LimitReached(Refusal.ADDRESS_LIMIT, mailbox, "too many delisting requests for this email address",
                    retryAfter);
        }
        String ip = "ip:" + command.ip() + " " + client;
        if (counters.increment(ip, window) > settings.requestsPerIpPerHour()) {
            throw new LimitReached(Refusal.IP_LIMIT, ip, "too many delisting requests for this IP address", retryAfter);
        }
        if (counters.increment(SERVICE_COUNTER, window) > settings.requestsPerHour()) {
            throw new LimitReached(Refusal.SERVICE_LIMIT, SERVICE_COUNTER, "the portal has taken all the delisting "
                    + "requests it takes in an hour", retryAfter);
        }
    }

    /** The start of the {@link #RATE_WINDOW} that {@code now} falls in: the hour. */
    private static Instant rateWindow(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS);
    }

    /** A limit refused the request: rolls its counts back, and says which limit (for the meter) and what to answer. */
    private static final class LimitReached extends RuntimeException {

        private final Refusal reason;
        /** The counter that reached its limit. */
        private final String counter;
        private final TooManyRequestsException answer;

        LimitReached(Refusal reason, String counter, String what, Duration retryAfter) {
            super(what + "; try again later", null, false, false);
            this.reason = reason;
            this.counter = counter;
            this.answer = new TooManyRequestsException(getMessage(), retryAfter);
        }
    }

    @Override
    public DelistReview preview(String token) {
        Instant now = clock.instant();
        PortalRequest request = usable(token, now);
        return new DelistReview(request, plan(request, now), settings.supportContact());
    }

    @Override
    public DelistReview confirm(String token) {
        Instant now = clock.instant();
        PortalRequest request = usable(token, now);
        lists.refresh();
        DelistReview done;
        try {
            done = delist(request, now);
        } catch (ConflictException justUsed) {
            if (justUsed.type().equals(LINK_USED)) { // by a confirmation racing this one: refused as any reuse
                recordFirst("link:" + request.id(), request, "portal.link-refused", "already used");
                meter.refused(Refusal.USED_LINK);
            }
            throw justUsed;
        }
        lists.refreshCommitted();
        meter.accepted(PortalMeter.Request.CONFIRM);
        return done;
    }

    private DelistReview delist(PortalRequest request, Instant now) {
        return unitOfWork.inTransaction(() -> {
            // Only a change takes the block-list version, and with it the lock every change waits for;
            // under that lock the entries are read again, so that what is delisted is what is stored now.
            DelistPlan seen = plan(request, now);
            long version = seen.delists() ? store.beginChange() : 0;
            DelistPlan plan = seen.delists() ? plan(request, now) : seen;
            if (!requests.complete(request.id(), now, plan.describe())) {
                throw new ConflictException(LINK_USED, "this link has just been used");
            }
            store.delete(plan.steps(DelistPlan.Action.REMOVE).stream().map(step -> step.entry().id()).toList(),
                    version);
            for (DelistPlan.Step step : plan.steps(DelistPlan.Action.EXCEPT)) {
                store.saveExceptions(step.entry().withException(request.ip()), version);
            }
            for (DelistPlan.Step step : plan.steps()) {
                audit.add(AuditRecord.of(null, actor(request), "block-list.portal-" + step.action().name()
                        .toLowerCase(), "block-list-entry:" + step.entry().id(), step.entry().value().value(),
                        step.describe(request.ip()), now));
            }
            audit.add(AuditRecord.of(null, actor(request), "portal.confirmed", target(request), null,
                    plan.describe(), now));
            return new DelistReview(request, plan, settings.supportContact());
        });
    }

    @Override
    public List<PortalRequestSummary> list(PortalRequestStatus status, int limit) {
        ListQuery.checkLimit(limit);
        Instant now = clock.instant();
        return requests.newestFirst(status, now, limit).stream()
                .map(request -> new PortalRequestSummary(request, request.statusAt(now))).toList();
    }

    private PortalRequest usable(String token, Instant now) {
        Optional<PortalRequest> found = PortalToken.parse(token).flatMap(t -> requests.findByTokenHash(t.hash()));
        if (found.isEmpty()) {
            meter.refused(Refusal.INVALID_LINK);
            throw new NotFoundException("this delisting link is not valid; check that you copied all of it, or "
                    + "request a new one");
        }
        PortalRequest request = found.get();
        if (request.status() == PortalRequestStatus.COMPLETED) {
            recordFirst("link:" + request.id(), request, "portal.link-refused", "already used");
            meter.refused(Refusal.USED_LINK);
            throw new ConflictException(LINK_USED, "this link has already been used; request a new one to "
                    + "delist again");
        }
        if (!request.isUsableAt(now)) {
            recordFirst("link:" + request.id(), request, "portal.link-refused", "expired");
            meter.refused(Refusal.EXPIRED_LINK);
            throw new ConflictException("link-expired", "this link has expired (links are valid for 24 hours); "
                    + "request a new one");
        }
        return request;
    }

    /**
     * The active service-list entries matching the request's IP or address, as stored now. (This
     * instance's lists are caught up before a change's transaction, never inside it: there they
     * would skip to the version this very change takes.)
     */
    private DelistPlan plan(PortalRequest request, Instant now) {
        List<Probe> probes = List.of(Probe.ip("ip", request.ip()), Probe.address(request.address()));
        List<ListedEntry> listed = new ArrayList<>();
        probes.forEach(probe -> listed.addAll(lists.service(probe, now)));
        return DelistPlan.of(request.ip(), lists.stored(listed, probes, now));
    }

    /**
     * An audit record of its own for what was refused (and so rolled back, or never begun), for the
     * first refusal of its {@code kind} (a limit's counter, a link) in the hour only: anyone can send
     * these requests again and again, and each must not add to the audit log. The meter counts all.
     */
    private void recordFirst(String kind, PortalRequest request, String action, String detail) {
        Instant now = clock.instant();
        unitOfWork.inTransaction(() -> {
            if (counters.increment("refused:" + kind, rateWindow(now)) == 1) {
                audit.add(AuditRecord.of(null, actor(request), action, target(request), null,
                        detail + "; further refusals of this kind within the hour are only counted", now));
            }
            return null;
        });
    }

    private static Actor actor(PortalRequest request) {
        return new Actor("portal:" + request.address());
    }

    private static String target(PortalRequest request) {
        return "portal-request:" + request.id();
    }
}
