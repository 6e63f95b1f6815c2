package org.senderguard.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.senderguard.application.port.in.CheckReputationUseCase;
import org.senderguard.application.port.in.DecideInboundUseCase;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.InboundMessageCommand;
import org.senderguard.application.port.out.MailFlowMeter;
import org.senderguard.application.port.out.MailFlowMeter.Client;
import org.senderguard.application.port.out.MailFlowMeter.Direction;
import org.senderguard.domain.blocklist.ListedEntry;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.delisting.DelistPlan;
import org.senderguard.domain.tenant.TenantId;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.Rejections;
import org.senderguard.domain.reputation.CheckResult;

/**
 * Decides inbound messages against the block lists held in memory; nothing is written. The
 * service list comes first: when the portal can lift everything that matched the client IP or the
 * sender ({@link DelistPlan#portalCanLift}), the sender is sent to the delist portal (5.7.606); any
 * other match (not delistable, a domain, a range past its portal exceptions, a link) can only be
 * lifted by Support (5.7.511). Then the tenant's own list, and, when the tenant
 * asks for it, the third-party DNS lists (only real listings count, never error answers).
 */
public class InboundService implements DecideInboundUseCase {

    private final BlockLists lists;
    private final FindTenantUseCase tenants;
    private final CheckReputationUseCase reputation;
    private final Clock clock;
    private final Supplier<String> portalUrl;
    private final String supportContact;
    private final DecisionTimer timer;

    /**
     * @param portalUrl      the delist portal's address, named in 5.7.606 replies
     * @param supportContact whom to ask about listings the portal cannot lift, named in 5.7.511 replies
     * @param meter          told each decision of the mail-flow API (the policy server's are told by
     *                       {@link MailTransactionService})
     */
    public InboundService(BlockLists lists, FindTenantUseCase tenants, CheckReputationUseCase reputation, Clock clock,
                          Supplier<String> portalUrl, String supportContact, MailFlowMeter meter) {
        this.lists = lists;
        this.tenants = tenants;
        this.reputation = reputation;
        this.clock = clock;
        this.portalUrl = portalUrl;
        this.supportContact = supportContact;
        this.timer = new DecisionTimer(meter);
    }

    @Override
    public Decision decide(InboundMessageCommand message) {
        return timer.timed(Client.REST, Direction.INBOUND, () -> decide(Optional.of(message.tenantId()),
                message.clientIp(), message.sender() == null ? null : Probe.address(message.sender()),
                message.urls()));
    }

    /**
     * One inbound message from what is known of it: the recipients' tenant (none when the recipient
     * is no tenant's: then only the service list applies), the client's IP address and the sender
     * (each null when unknown; the sender is an address, or only its domain when that is all that
     * can be read of it) and the links found in it.
     */
    Decision decide(Optional<TenantId> tenant, Probe clientIp, Probe sender, List<Probe> urls) {
        Instant now = clock.instant();
        String ip = clientIp == null ? "unknown" : clientIp.value();
        List<Probe> senderProbes = new ArrayList<>(2);
        if (clientIp != null) {
            senderProbes.add(clientIp);
        }
        if (sender != null) {
            senderProbes.add(sender);
        }
        List<Probe> probes = new ArrayList<>(senderProbes);
        probes.addAll(urls);
        List<ListedEntry> bySender = matches(senderProbes, probe -> lists.service(probe, now));
        List<ListedEntry> byLinks = matches(urls, probe -> lists.service(probe, now));
        if (!bySender.isEmpty() || !byLinks.isEmpty()) {
            // The portal lifts what listed the client's IP or the sender, the two things it asks for;
            // a listed link (an IP address in a URL among them) is not the sender's to delist.
            boolean portalCanLift = clientIp != null && byLinks.isEmpty()
                    && bySender.stream().allMatch(DelistPlan::portalCanLift);
            return portalCanLift ? Rejections.delistableIp(ip, portalUrl.get())
                    : Rejections.bannedSender(ip, supportContact);
        }
        if (tenant.isEmpty()) {
            return Decision.ACCEPT;
        }
        if (!matches(probes, probe -> lists.tenant(tenant.get(), probe, now)).isEmpty()) {
            return Rejections.blockedByRecipient();
        }
        if (tenants.byId(tenant.get()).settings().checkThirdPartyLists()) {
            List<String> listing = thirdPartyListings(clientIp, sender);
            if (!listing.isEmpty()) {
                return Rejections.listedByThirdParty(ip, listing);
            }
        }
        return Decision.ACCEPT;
    }

    /** The third-party lists that list the client IP or the sender's domain; error answers list nothing. */
    private List<String> thirdPartyListings(Probe clientIp, Probe sender) {
        Probe senderDomain = sender instanceof Probe.Address address ? Probe.domain(address.address().domain()) : sender;
        return Stream.of(Optional.ofNullable(clientIp), Optional.ofNullable(senderDomain))
                .flatMap(Optional::stream)
                .flatMap(value -> reputation.check(value).results().stream())
                .filter(CheckResult::listed).map(CheckResult::list).distinct().toList();
    }

    /** The entries of one list that match any of the probes. */
    private static List<ListedEntry> matches(List<Probe> probes, Function<Probe, List<ListedEntry>> list) {
        List<ListedEntry> found = new ArrayList<>();
        probes.stream().map(list).forEach(found::addAll);
        return found;
    }
}
